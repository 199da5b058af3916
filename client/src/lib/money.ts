// Amounts of money in 大写 (the capital numerals of receipts, cheques and penalty decisions), which cannot be
// altered as figures can.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** 0 < g < 10000 in capitals: a zero inside is read once (壹仟零伍), trailing zeros are not read. */
function groupInWords(g: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const d = Math.floor(g / 10 ** place) % 10;
    if (d === 0) {
      zero = out !== '';
    } else {
      out += `${zero ? '零' : ''}${DIGITS[d]}${PLACES[place]}`;
      zero = false;
    }
  }
  return out;
}

/** A whole number > 0 in capitals, by groups of four (万, 亿): 壹万零壹拾, 壹亿零壹. */
function integerInWords(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      zero = out !== '';
      continue;
    }
    // a gap before this group (a zero group, or fewer than four digits in it) is read as one 零
    if (out !== '' && (zero || g < 1000)) out += '零';
    out += groupInWords(g) + GROUPS[i];
    zero = false;
  }
  return out;
}

/**
 * 人民币大写 of a yuan amount, to the 分: 800 → 捌佰元整, 1234.5 → 壹仟贰佰叁拾肆元伍角, 100.05 → 壹佰元零伍分,
 * 0 → 零元整. 整 closes an amount of whole yuan only (the usual rule of 支付结算办法).
 */
export function yuanInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount >= 1e15) throw new RangeError(`not an amount: ${amount}`);
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const head = yuan > 0 ? `${integerInWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${head}整`;
  const tenths = jiao > 0 ? `${DIGITS[jiao]}角` : yuan > 0 ? '零' : '';
  return `${head}${tenths}${cents > 0 ? `${DIGITS[cents]}分` : ''}`;
}
