import { ALL_SETTINGS } from './settings.js';

/** `hdld-server --help`: usage and every setting of the table, English then Vietnamese. */
export function settingsHelp(): string {
  const lines = [
    'Usage: hdld-server [--help]',
    '',
    'The reference Electronic Labor Contract Platform. Configured only by environment variables;',
    'a wrong value stops the start with one line naming it (exit 78). Reference: docs/configuration.md',
    'Máy chủ tham chiếu của Nền tảng hợp đồng lao động điện tử, cấu hình bằng biến môi trường;',
    'giá trị sai dừng khởi động với một dòng nêu tên biến (mã thoát 78).',
    '',
    'Settings / Biến cấu hình:',
  ];
  for (const setting of ALL_SETTINGS) {
    const aliases = setting.aliases?.length ? ` (or ${setting.aliases.join(', ')})` : '';
    lines.push(
      '',
      `  ${setting.name}${aliases}  <${setting.type}>`,
      `      ${setting.description.en}`,
      `      ${setting.description.vi}`,
      `      default: ${setting.default}; example: ${setting.example}`,
    );
    if (setting.sandbox !== 'same' || setting.production !== 'same') {
      lines.push(`      sandbox: ${setting.sandbox}`, `      production: ${setting.production}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
