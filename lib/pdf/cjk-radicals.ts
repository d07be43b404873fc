/**
 * Chinese, Japanese and Korean characters that a PDF's text layer gives as
 * radicals. A CJK font draws a radical (U+2E80–U+2FDF) and the ideograph it
 * looks like with one glyph, so a PDF writer mapping glyphs back to text
 * (Chromium's print-to-PDF does) may name the radical: `⽵` (U+2F75) where
 * the page said `竹` (U+7AF9). It looks the same but is not the same text: a
 * search for 新竹 misses 新⽵. These are put back as the ideographs.
 */

/**
 * CJK Radicals Supplement → the ideograph drawn with the same glyph (Unicode's
 * EquivalentUnifiedIdeograph pairs, as Noto Sans/Serif CJK share their
 * glyphs). The Kangxi radicals (U+2F00–U+2FD5) need no table: NFKC maps them.
 */
const supplement = new Map(
  Array.from(
    '⺂⺃⺅⺉⺋⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺟⺠⺡⺣⺤⺦⺨⺫⺭⺯⺰⺱⺲⺳⺹⺺⺾⺿⻁⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻎⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳',
    (radical, i) => [
      radical,
      Array.from(
        '乛乚亻刂㔾兀尣尢巳幺彑彐忄扌攵旡歺母民氵灬爫丬犭罒礻糹纟罓罒㓁耂肀艹艹虎衤覀西见角讠贝车辶辶辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟',
      )[i] as string,
    ],
  ),
);

const radical = /[\u2e80-\u2fdf]/gu;

/** Text with every radical that stands for an ideograph written as that ideograph. */
export function ideographsForRadicals(text: string): string {
  return text.replace(radical, (char) => supplement.get(char) ?? char.normalize('NFKC'));
}
