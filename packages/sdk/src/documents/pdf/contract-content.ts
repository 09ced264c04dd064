import type { ContractMainData } from '@hdld/spec';
import type { Run } from './text-layout.js';
import {
  formatDate,
  formatDateInWords,
  formatDong,
  formatQuantity,
  IDENTITY_LABEL,
  PAY_FORM_LABEL,
  PAY_METHOD_LABEL,
  PAY_PERIOD_LABEL,
  PAY_PERIOD_UNIT,
  POSITION_LABEL,
  SEX_LABEL,
  TERM_LABEL,
} from './vietnamese-format.js';

/**
 * What a labor contract says, as a list of blocks, before any page layout. Keeping the wording apart
 * from the drawing lets tests read the text without a PDF and keeps the layout code generic.
 */

export type Paragraph = {
  kind: 'paragraph';
  runs: Run[];
  align?: 'left' | 'center';
  size?: 'body' | 'title';
  /** Left indent in points, for list items. */
  indent?: number;
  /** Extra space above, in points (section headings). */
  spaceBefore?: number;
};

/** The short centred line under "Độc lập - Tự do - Hạnh phúc", as on every Vietnamese official form. */
export type Rule = { kind: 'rule'; width: number };

export type Block = Paragraph | Rule;

export type SignatureParty = 'EMPLOYER' | 'EMPLOYEE';

export type SignatureBlock = {
  party: SignatureParty;
  heading: string;
  note: string;
  signerName: string;
};

export type ContractContent = {
  blocks: Block[];
  /** Left to right, as Vietnamese contract forms place them: employee left, employer right. */
  signatures: [SignatureBlock, SignatureBlock];
};

const LIST_INDENT = 14;

const text = (value: string): Run => ({ text: value });
const bold = (value: string): Run => ({ text: value, bold: true });

const para = (runs: Run[], extra: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph => ({
  kind: 'paragraph',
  runs,
  ...extra,
});

/** "Label: value" line, the form every party detail takes on a contract. */
const field = (label: string, value: string): Paragraph => para([text(`${label}: `), bold(value)]);

const item = (value: string): Paragraph => para([text(`- ${value}`)], { indent: LIST_INDENT });

const article = (number: number, title: string): Paragraph =>
  para([bold(`Điều ${number}. ${title}`)], { spaceBefore: 8 });

export function contractContent(data: ContractMainData): ContractContent {
  return {
    blocks: [
      ...nationalHeader(),
      ...title(data),
      ...parties(data),
      ...jobAndTerm(data),
      ...workingTime(data),
      ...payAndAllowances(data),
      ...finalProvisions(),
    ],
    signatures: [
      {
        party: 'EMPLOYEE',
        heading: 'NGƯỜI LAO ĐỘNG',
        note: '(Ký, ghi rõ họ tên)',
        signerName: data.employee.fullName,
      },
      {
        party: 'EMPLOYER',
        heading: 'ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG',
        note: `(${data.employer.representative.title}, ký, ghi rõ họ tên)`,
        signerName: data.employer.representative.fullName,
      },
    ],
  };
}

function nationalHeader(): Block[] {
  return [
    para([bold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')], { align: 'center' }),
    para([bold('Độc lập - Tự do - Hạnh phúc')], { align: 'center' }),
    { kind: 'rule', width: 150 },
  ];
}

function title(data: ContractMainData): Block[] {
  return [
    para([bold('HỢP ĐỒNG LAO ĐỘNG')], { align: 'center', size: 'title', spaceBefore: 14 }),
    para([text(`Số: ${data.contractNumber}`)], { align: 'center' }),
    para([text('Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;')], { spaceBefore: 10 }),
    para([
      text(
        'Căn cứ Nghị định số 337/2025/NĐ-CP của Chính phủ quy định về hợp đồng lao động điện tử ' +
          'và Nền tảng hợp đồng lao động điện tử;',
      ),
    ]),
    para([text(`Hôm nay, ${formatDateInWords(data.concludedOn)}, chúng tôi gồm:`)], { spaceBefore: 6 }),
  ];
}

function parties(data: ContractMainData): Block[] {
  const { employer, employee } = data;
  const nationality = employee.nationality ?? 'VN';
  return [
    para([bold('Bên A: Người sử dụng lao động')], { spaceBefore: 6 }),
    field('Tên người sử dụng lao động', employer.name),
    ...(employer.taxCode ? [field('Mã số doanh nghiệp/Mã số thuế', employer.taxCode)] : []),
    field('Địa chỉ', employer.address),
    field('Người đại diện', employer.representative.fullName),
    field('Chức danh', employer.representative.title),
    para([bold('Bên B: Người lao động')], { spaceBefore: 6 }),
    field('Họ và tên', employee.fullName),
    field('Giới tính', SEX_LABEL[employee.sex]),
    field('Ngày sinh', formatDate(employee.dateOfBirth)),
    field('Quốc tịch', nationality === 'VN' ? 'Việt Nam' : nationality),
    field('Nơi cư trú', employee.residence),
    // The contract itself carries the full number (it is the parties' document); only logs mask it.
    field(IDENTITY_LABEL[employee.identity.type], employee.identity.number),
    para([text('Thỏa thuận ký kết hợp đồng lao động và cam kết thực hiện đúng những điều khoản sau đây:')], {
      spaceBefore: 6,
    }),
  ];
}

function jobAndTerm(data: ContractMainData): Block[] {
  const { job, term, employer } = data;
  const period = term.endDate
    ? `Từ ngày ${formatDate(term.startDate)} đến ngày ${formatDate(term.endDate)}`
    : `Từ ngày ${formatDate(term.startDate)}`;
  return [
    article(1, 'Công việc, địa điểm làm việc và thời hạn hợp đồng'),
    field('Loại hợp đồng', TERM_LABEL[term.type]),
    field('Thời hạn', period),
    field('Vị trí việc làm', POSITION_LABEL[job.position]),
    field('Chức danh, công việc', job.title),
    // An empty workplace means the parties did not name one: the employer's address is where work is.
    field('Địa điểm làm việc', job.workplace?.trim() ? job.workplace : employer.address),
  ];
}

function workingTime(data: ContractMainData): Block[] {
  const time = data.workingTime;
  const lines: Block[] = [article(2, 'Thời giờ làm việc, thời giờ nghỉ ngơi')];
  if (time?.hoursPerDay !== undefined)
    lines.push(field('Số giờ làm việc', `${formatQuantity(time.hoursPerDay)} giờ/ngày`));
  if (time?.daysPerWeek !== undefined)
    lines.push(field('Số ngày làm việc', `${formatQuantity(time.daysPerWeek)} ngày/tuần`));
  if (time?.description?.trim()) lines.push(field('Chế độ làm việc', time.description));
  lines.push(
    para([
      text(
        'Thời giờ nghỉ ngơi và những nội dung khác thực hiện theo nội quy lao động của người sử dụng lao động ' +
          'và quy định của pháp luật lao động.',
      ),
    ]),
  );
  return lines;
}

function payAndAllowances(data: ContractMainData): Block[] {
  const { pay } = data;
  const lines: Block[] = [
    article(3, 'Tiền lương, phụ cấp và các khoản bổ sung khác'),
    field(
      'Mức lương theo công việc hoặc chức danh',
      `${formatDong(pay.salary)}/${PAY_PERIOD_UNIT[pay.period]}`,
    ),
    field('Hình thức trả lương', PAY_FORM_LABEL[pay.form]),
    field('Phương thức trả lương', PAY_METHOD_LABEL[pay.method]),
    field('Kỳ hạn trả lương', PAY_PERIOD_LABEL[pay.period]),
  ];
  const allowances = pay.allowances ?? [];
  lines.push(para([text(allowances.length > 0 ? 'Phụ cấp lương:' : 'Phụ cấp lương: Không có.')]));
  for (const allowance of allowances) lines.push(item(`${allowance.name}: ${formatDong(allowance.amount)}`));
  const supplements = pay.otherSupplements ?? [];
  lines.push(
    para([text(supplements.length > 0 ? 'Các khoản bổ sung khác:' : 'Các khoản bổ sung khác: Không có.')]),
  );
  for (const supplement of supplements)
    lines.push(item(`${supplement.name}: ${formatDong(supplement.amount)}`));
  if (data.socialInsurance !== undefined) {
    lines.push(
      field(
        'Bảo hiểm xã hội bắt buộc',
        data.socialInsurance
          ? 'Người lao động thuộc đối tượng tham gia'
          : 'Người lao động không thuộc đối tượng tham gia',
      ),
    );
  }
  return lines;
}

function finalProvisions(): Block[] {
  return [
    article(4, 'Điều khoản thi hành'),
    para([
      text(
        '1. Những vấn đề về lao động không ghi trong hợp đồng này thì áp dụng theo nội quy lao động, ' +
          'thỏa ước lao động tập thể (nếu có) và quy định của pháp luật lao động.',
      ),
    ]),
    para([
      text(
        '2. Hợp đồng này được giao kết dưới hình thức thông điệp dữ liệu và ký số theo Nghị định số ' +
          '337/2025/NĐ-CP; có hiệu lực kể từ thời điểm bên sau cùng ký, trừ trường hợp hai bên có thỏa thuận khác.',
      ),
    ]),
    para([
      text(
        '3. Nội dung chính của hợp đồng được đính kèm trong tệp này dưới dạng dữ liệu có cấu trúc ' +
          '(contract-data.json) để gửi lên Nền tảng hợp đồng lao động điện tử.',
      ),
    ]),
  ];
}
