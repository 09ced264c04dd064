/** A sentence in both languages of the Platform (every user-facing text is Vietnamese and English). */
export type Bilingual = { en: string; vi: string };

/** What a parser throws for a value it refuses; the reader adds the setting's name. */
export class InvalidSetting extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

/**
 * A setting that stops the start (fail fast): one line naming the setting, English then Vietnamese.
 * The value is shown only when the setting is not secret. `hdld-server` exits with EX_CONFIG.
 */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly reason: Bilingual,
    shownValue?: string,
  ) {
    const value = shownValue === undefined ? '' : `=${JSON.stringify(oneLine(shownValue))}`;
    super(oneLine(`${setting}${value}: ${reason.en} / ${reason.vi}`));
  }
}

/** sysexits.h EX_CONFIG: "something was found in an unconfigured or misconfigured state". */
export const EX_CONFIG = 78;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
