import type { Lang } from '../../core/types.js';
import { CARD_FOLLOW_UP_FACTS } from '../../knowledge/card-schema.js';
import { toSimplified } from '../../language/script.js';
import type { Tenure } from '../tenure.js';
import { findDates } from './dates.js';
import { findCnAmounts, findViAmounts } from './money.js';
import { CN_NUMBER, parseAnyNumber, VI_NUMBER_WORD } from './numbers.js';
import type { Found } from './found.js';
import { findTenures, tenureFromDates } from './tenure.js';
import { hasVietnameseLetters } from '../../language/vietnamese.js';
import { stripMarks } from './vi-fold.js';

/** Facts a calculator may need, as read from what the worker typed. Absent = not found. */
export interface Facts {
  tenure?: Tenure;
  wage?: number;
  localAverageWage?: number;
  weekdayHours?: number;
  restDayHours?: number;
  holidayHours?: number;
  nightOvertimeHours?: number;
  nightHours?: number;
  hourlyWage?: number;
  untakenDays?: number;
  babies?: number;
  difficultBirth?: boolean;
  contractTerm?: number | 'open';
  party?: 'worker' | 'employer';
  inProbation?: boolean;
  date?: string;
  endedDate?: string;
  arrears?: boolean;
  insuredMonths?: number | 'all';
  leaveCategory?: 'normal' | 'heavy' | 'special';
  jobLevel?: 'manager' | 'college' | 'intermediate' | 'other';
  region?: 1 | 2 | 3 | 4;
  /** Months of pregnancy at a miscarriage (女职工劳动保护特别规定 7 para 2). */
  pregnancyMonths?: number;
  miscarriage?: boolean;
}
export type FactName = keyof Facts;
// Cards name the facts their follow-up asks for with these names (knowledge/cards): each must be one of ours.
const _cardFollowUpFacts: readonly FactName[] = CARD_FOLLOW_UP_FACTS;

/** The mark-free twin of a pattern when the message was typed without diacritics. */
const twin = (re: RegExp, folded: boolean): RegExp => (folded ? new RegExp(stripMarks(re.source), re.flags) : re);

const overlaps = (spans: readonly { start: number; end: number }[], s: number, e: number) =>
  spans.some((f) => s < f.end && e > f.start);

/** The amount nearest after a cue (within 12 characters), or undefined. */
function amountAfter(text: string, cue: RegExp, amounts: readonly Found<number>[]): Found<number> | undefined {
  for (const m of text.matchAll(cue)) {
    const end = m.index + m[0].length;
    const hit = amounts.find((a) => a.start >= end && a.start - end <= 12);
    if (hit) return hit;
  }
  return undefined;
}

const CN_WAGE_CUE = /(月薪|月工资|工资|底薪|薪水|薪资|收入|每月|一个月|每个月|月入|拿)/g;
const CN_AVG_CUE = /(社平工资|社会平均工资|平均工资|月平均工资|社平)/g;
const VI_WAGE_CUE = /(lương|thu nhập|mỗi tháng|một tháng|1 tháng|tháng được)/giu;
const VI_HOURLY_CUE = /(lương giờ|lương theo giờ|tiền lương giờ|mỗi giờ|một giờ|1 giờ|\/giờ|\/h)/giu;

function hoursCn(text: string, facts: Facts, used: { start: number; end: number }[]): void {
  const re = new RegExp(`(${CN_NUMBER})\\s*(?:个|個)?\\s*(?:小时|小時|钟头|鐘頭|h|H)`, 'g');
  for (const m of text.matchAll(re)) {
    const v = parseAnyNumber(m[1]!);
    if (v === undefined) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // "每天加班2小时" is a daily figure, not the total: leave it for the question about the total.
    if (/(每天|每日|天天|一天|每晚)[^，,。]{0,4}$/.test(before)) continue;
    const key = /(法定|节假日|假日|国庆|春节|过年|五一|元旦|中秋|端午|清明)/.test(before)
      ? 'holidayHours'
      : /(周末|休息日|双休|星期六|星期天|星期日|周六|周日|礼拜)/.test(before)
        ? 'restDayHours'
        : 'weekdayHours';
    facts[key] = (facts[key] ?? 0) + v;
    used.push({ start: m.index, end: m.index + m[0].length });
  }
}

function hoursVi(text: string, facts: Facts, used: { start: number; end: number }[], folded: boolean): void {
  const re = twin(new RegExp(`(\\d+(?:[.,]\\d+)?|${VI_NUMBER_WORD})\\s*(?:giờ|tiếng|h)(?![\\p{L}])`, 'giu'), folded);
  for (const m of text.matchAll(re)) {
    if (overlaps(used, m.index, m.index + m[0].length)) continue;
    const v = parseAnyNumber(m[1]!.replace(',', '.'));
    if (v === undefined) continue;
    const around = text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25).toLowerCase();
    if (
      twin(/(mỗi ngày|một ngày|hằng ngày|hàng ngày|mỗi tối)[^,.]{0,12}$/u, folded).test(
        text.slice(Math.max(0, m.index - 20), m.index).toLowerCase(),
      )
    )
      continue;
    const night = twin(/(ban đêm|đêm|ca đêm|ca 3)/u, folded).test(around);
    if (night && !twin(/(làm thêm|tăng ca|thêm giờ|ot)/u, folded).test(around)) {
      facts.nightHours = (facts.nightHours ?? 0) + v;
    } else if (night) {
      facts.nightOvertimeHours = (facts.nightOvertimeHours ?? 0) + v;
    } else {
      const key = twin(/(lễ|tết)/u, folded).test(around)
        ? 'holidayHours'
        : twin(/(chủ nhật|cuối tuần|thứ bảy|ngày nghỉ hằng tuần|ngày nghỉ)/u, folded).test(around)
          ? 'restDayHours'
          : 'weekdayHours';
      facts[key] = (facts[key] ?? 0) + v;
    }
    used.push({ start: m.index, end: m.index + m[0].length });
  }
}

/** Booleans and categories named by words (Chinese is folded to Simplified first). */
function wordFacts(text: string, lang: Lang, facts: Facts, folded: boolean): void {
  if (lang === 'vi') {
    const t = text.toLowerCase();
    const T = (re: RegExp) => twin(re, folded).test(t);
    if (T(/(không xác định thời hạn|vô thời hạn)/u)) facts.contractTerm = 'open';
    if (T(/(nợ lương|chậm lương|không trả lương|chưa trả lương|nợ tiền lương)/u)) facts.arrears = true;
    if (
      T(
        /(không (?:được )?đóng (?:bảo hiểm thất nghiệp|bhtn)|chưa (?:từng )?đóng (?:bảo hiểm thất nghiệp|bhtn)|không có (?:bảo hiểm thất nghiệp|bhtn))/u,
      )
    )
      facts.insuredMonths = 0;
    else if (
      T(
        /((?:đóng|có) (?:đủ |đầy đủ )?(?:bảo hiểm thất nghiệp|bhtn) (?:suốt|toàn bộ|cả|đầy đủ|từ đầu)|đóng đủ (?:bảo hiểm thất nghiệp|bhtn))/u,
      )
    )
      facts.insuredMonths = 'all';
    if (T(/(đặc biệt nặng nhọc)/u)) facts.leaveCategory = 'special';
    else if (T(/(nặng nhọc|độc hại|nguy hiểm|chưa thành niên|khuyết tật)/u)) facts.leaveCategory = 'heavy';
    else if (T(/(bình thường|văn phòng)/u)) facts.leaveCategory ??= 'normal';
    if (T(/(quản lý doanh nghiệp|giám đốc)/u)) facts.jobLevel = 'manager';
    else if (T(/(cao đẳng|đại học|kỹ sư)/u)) facts.jobLevel = 'college';
    else if (T(/(trung cấp|công nhân kỹ thuật|nhân viên nghiệp vụ)/u)) facts.jobLevel = 'intermediate';
    else if (T(/(lao động phổ thông|công việc khác|không cần bằng|không có bằng)/u)) facts.jobLevel = 'other';
    const region = twin(/vùng\s*(iv|iii|ii|i|[1-4])(?![\p{L}\d])/iu, folded).exec(t);
    if (region)
      facts.region =
        ({ i: 1, ii: 2, iii: 3, iv: 4 } as Record<string, 1 | 2 | 3 | 4>)[region[1]!.toLowerCase()] ??
        (Number(region[1]) as 1 | 2 | 3 | 4);
    if (T(/(sinh đôi)/u)) facts.babies = 2;
    else if (T(/(sinh ba)/u)) facts.babies = 3;
    if (T(/(công ty|người sử dụng lao động|sếp|chủ) (?:đuổi|cho nghỉ|sa thải|chấm dứt|báo)/u)) facts.party = 'employer';
    else if (T(/(tôi|em|mình) (?:muốn |định )?(?:nghỉ việc|xin nghỉ|nghỉ làm|chấm dứt|thôi việc)/u))
      facts.party = 'worker';
    return;
  }
  const t = toSimplified(text);
  if (/(无固定期限|没有固定期限|无期限)/.test(t)) facts.contractTerm = 'open';
  if (/(拖欠工资|欠工资|欠薪|没发工资|不发工资|欠我工资|工资没发|拖欠|欠.{0,4}工资)/.test(t)) facts.arrears = true;
  if (/(双胞胎|双胞)/.test(t)) facts.babies = 2;
  else if (/(三胞胎)/.test(t)) facts.babies = 3;
  const babies = /(?:生了?|怀了?)\s*(两|二|三|四|\d)\s*(?:个|胎)?(?:宝宝|孩子|婴儿)/.exec(t);
  if (babies) facts.babies = parseAnyNumber(babies[1]!) ?? facts.babies;
  if (/(流产|小产)/.test(t)) facts.miscarriage = true;
  const pregnant = new RegExp(`怀孕\\s*(${CN_NUMBER})\\s*(?:个|個)?\\s*(半)?\\s*月`).exec(t);
  if (pregnant) facts.pregnancyMonths = (parseAnyNumber(pregnant[1]!) ?? NaN) + (pregnant[2] ? 0.5 : 0);
  if (/(顺产|没有难产|不是难产|正常分娩)/.test(t)) facts.difficultBirth = false;
  else if (/(难产|剖腹产|剖宫产)/.test(t)) facts.difficultBirth = true;
  if (/(试用期内|试用期间|还在试用期|在试用期)/.test(t)) facts.inProbation = true;
  else if (/(转正|过了试用期|不在试用期|已经转正)/.test(t)) facts.inProbation = false;
  if (/(我(?:想|要|打算|准备)?(?:辞职|离职|不干|走人)|主动辞职)/.test(t)) facts.party = 'worker';
  else if (/(公司|单位|老板|厂里).{0,6}(辞退|开除|解雇|解除|裁|炒)/.test(t)) facts.party = 'employer';
}

/**
 * Reads every fact it can from one message. `expecting` is the fact the bot
 * just asked for: a bare number then answers it ("6000" after "月工资是多少？").
 */
export function extractFacts(raw: string, lang: Lang, expecting?: FactName): Facts {
  const folded = lang === 'vi' && !hasVietnameseLetters(raw);
  const text = (lang === 'vi' ? (folded ? stripMarks(raw.normalize('NFC')) : raw.normalize('NFC')) : toSimplified(raw))
    .replace(/[，、]/g, ',')
    .replace(/：/g, ':');
  const facts: Facts = {};
  const used: { start: number; end: number }[] = [];

  wordFacts(text, lang, facts, folded);
  const dates = findDates(text, folded);
  const span = tenureFromDates(text, folded);
  const tenures = findTenures(text, folded).filter((t) => !overlaps(dates, t.start, t.end));
  if (tenures.length > 0) facts.tenure = tenures[tenures.length - 1]!.value;
  else if (span) facts.tenure = span.value;
  used.push(...dates, ...tenures);
  if (dates.length === 1) facts.date = dates[0]!.value;
  if (dates.length >= 2 && span) facts.endedDate = dates[dates.length - 1]!.value;

  if (lang === 'vi') hoursVi(text, facts, used, folded);
  else hoursCn(text, facts, used);

  // Days: untaken leave ("5天年假没休", "还有3天没休").
  const dayRe =
    lang === 'vi'
      ? twin(new RegExp(`(\\d+|${VI_NUMBER_WORD})\\s*ngày`, 'giu'), folded)
      : new RegExp(`(${CN_NUMBER})\\s*天`, 'g');
  for (const m of text.matchAll(dayRe)) {
    if (overlaps(used, m.index, m.index + m[0].length)) continue;
    const around = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12);
    if (twin(/(年假|年休假|没休|未休|nghỉ phép|phép năm|chưa nghỉ)/u, folded).test(around)) {
      facts.untakenDays = parseAnyNumber(m[1]!) ?? facts.untakenDays;
      used.push({ start: m.index, end: m.index + m[0].length });
    }
  }

  // Contract term ("合同签了3年", "hợp đồng 2 năm"): a tenure right after the contract word.
  const termCue =
    lang === 'vi'
      ? twin(/hợp đồng(?: lao động)?(?: xác định thời hạn)?(?: có thời hạn)?\s*(?:là\s*)?/giu, folded)
      : /合同(?:期限)?(?:签了?|期|是|为)?\s*/g;
  for (const m of text.matchAll(termCue)) {
    // The term follows the contract word directly ("合同签了3年", "hợp đồng 2 năm"); "合同干了5个月" is tenure.
    const t = tenures.find((x) => x.start === m.index + m[0].length);
    if (t) facts.contractTerm = t.value.months;
  }
  // ...or the term comes first: "三年的合同", "一年期合同", "签了两年劳动合同". A bare "三年合同" needs the signing
  // verb before it: "工作了三年合同到期了" is time worked, then the contract.
  if (lang !== 'vi') {
    for (const t of tenures) {
      const after = text.slice(t.end);
      const signed = /(?:签|订|簽)(?:了|的是|的)?\s*$/.test(text.slice(Math.max(0, t.start - 4), t.start));
      if (/^\s*(?:的|期的?)\s*(?:劳动|固定期限|书面)?合同/.test(after) || (signed && /^\s*(?:劳动)?合同/.test(after)))
        facts.contractTerm = t.value.months;
    }
  }
  if (facts.contractTerm !== undefined && facts.contractTerm !== 'open' && tenures.length === 1) delete facts.tenure;

  // Unemployment insurance months ("đóng bảo hiểm thất nghiệp 2 năm").
  if (lang === 'vi') {
    const ui = twin(/(?:bảo hiểm thất nghiệp|bhtn)[^.;\n]{0,20}?/giu, folded);
    for (const m of text.matchAll(ui)) {
      const t = tenures.find((x) => Math.abs(x.start - (m.index + m[0].length)) <= 20 && x.start > m.index);
      if (t) facts.insuredMonths = t.value.months;
    }
    if (facts.insuredMonths !== undefined && facts.insuredMonths !== 'all' && tenures.length > 1) {
      const other = tenures.filter(
        (x) =>
          !(
            x.value.months === facts.insuredMonths &&
            text.slice(Math.max(0, x.start - 30), x.start).match(twin(/(bảo hiểm thất nghiệp|bhtn)/iu, folded))
          ),
      );
      if (other.length > 0) facts.tenure = other[other.length - 1]!.value;
    }
  }

  const amounts = (lang === 'vi' ? findViAmounts(text, folded) : findCnAmounts(text)).filter(
    (a) => !overlaps(used, a.start, a.end),
  );
  const avg = lang === 'vi' ? undefined : amountAfter(text, CN_AVG_CUE, amounts);
  if (avg) facts.localAverageWage = avg.value;
  const rest = amounts.filter((a) => a !== avg);
  if (lang === 'vi') {
    const hourly =
      amountAfter(text, twin(VI_HOURLY_CUE, folded), rest) ??
      rest.find((a) => twin(/^\s*(\/|một|mỗi)\s*(giờ|h)/iu, folded).test(text.slice(a.end, a.end + 8))) ??
      (expecting === 'hourlyWage' ? rest[0] : undefined);
    if (hourly) facts.hourlyWage = hourly.value;
    const wage =
      amountAfter(
        text,
        twin(VI_WAGE_CUE, folded),
        rest.filter((a) => a !== hourly),
      ) ?? rest.find((a) => a !== hourly && a.value >= 500_000);
    if (wage) facts.wage = wage.value;
  } else {
    const wage =
      amountAfter(text, CN_WAGE_CUE, rest) ??
      rest.find((a) => a.explicitUnit && a.value >= 100) ??
      rest.find((a) => a.value >= 1000 && a.value < 1_000_000);
    if (wage) facts.wage = wage.value;
  }

  // A bare answer to the question just asked.
  if (expecting) answerBare(text, lang, expecting, facts, used);
  return facts;
}

function answerBare(
  text: string,
  lang: Lang,
  expecting: FactName,
  facts: Facts,
  used: { start: number; end: number }[],
): void {
  const bare = /(\d+(?:[.,]\d+)*)/.exec(
    text
      .split('')
      .map((c, i) => (overlaps(used, i, i + 1) ? ' ' : c))
      .join(''),
  );
  const n = bare ? parseAnyNumber(bare[1]!) : undefined;
  const folded = lang === 'vi' && !/[^\x00-\x7f]/.test(text);
  const yes =
    lang === 'vi'
      ? twin(/(^|\s)(có|đúng|rồi|phải)(\s|$|[,.!])/iu, folded).test(text)
      : /(是的|是|对|有|嗯|难产)/.test(text) && !/(不是|没有|不对|否|无)/.test(text);
  const no =
    lang === 'vi'
      ? twin(/(^|\s)(không|chưa)(\s|$|[,.!])/iu, folded).test(text)
      : /(不是|没有|否|无|顺产|不)/.test(text);
  switch (expecting) {
    case 'wage':
    case 'localAverageWage':
    case 'hourlyWage':
      // A bare Vietnamese "6" or "6,5" answering the monthly wage means millions; an hourly wage
      // must be written in full.
      if (facts[expecting] === undefined && n !== undefined) {
        if (lang === 'vi' && n < 1000) {
          if (expecting === 'wage') facts.wage = n * 1_000_000;
        } else facts[expecting] = n;
      }
      if (
        expecting === 'hourlyWage' &&
        facts.wage !== undefined &&
        facts.hourlyWage === undefined &&
        facts.wage < 500_000
      )
        facts.hourlyWage = facts.wage;
      break;
    case 'tenure':
      if (facts.tenure === undefined && n !== undefined && n <= 50)
        facts.tenure = { months: Math.round(n * 12), days: 0 };
      break;
    case 'pregnancyMonths':
      if (facts.pregnancyMonths === undefined && facts.tenure !== undefined) {
        facts.pregnancyMonths = facts.tenure.months + facts.tenure.days / 30;
        delete facts.tenure;
      } else if (facts.pregnancyMonths === undefined && n !== undefined) facts.pregnancyMonths = n;
      break;
    case 'untakenDays':
    case 'babies':
    case 'weekdayHours':
      if (facts[expecting] === undefined && n !== undefined) facts[expecting] = n;
      break;
    case 'insuredMonths':
      if (facts.insuredMonths === undefined && facts.tenure !== undefined) {
        facts.insuredMonths = facts.tenure.months;
        delete facts.tenure;
      } else if (facts.insuredMonths === undefined && no) facts.insuredMonths = 0;
      break;
    case 'difficultBirth':
      if (facts.difficultBirth === undefined && (yes || no)) facts.difficultBirth = yes && !no;
      break;
    case 'inProbation':
      if (facts.inProbation === undefined && (yes || no)) facts.inProbation = yes && !no;
      break;
    case 'contractTerm':
      if (facts.contractTerm === undefined && facts.tenure !== undefined) {
        facts.contractTerm = facts.tenure.months;
        delete facts.tenure;
      }
      break;
    case 'region':
      if (facts.region === undefined && n !== undefined && n >= 1 && n <= 4) facts.region = n as 1 | 2 | 3 | 4;
      break;
    case 'date':
      break;
    default:
      break;
  }
}
