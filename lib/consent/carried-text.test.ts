import { describe, expect, it } from 'vitest';
import { findCarriedText, type LabelledText } from './carried-text';

const secret = 'Your new bank PIN is 4471 and the recovery phrase is velvet harbor seventeen lantern.';
const inbox: LabelledText = {
  label: 'Inbox message 3',
  text: `# Inbox message 3\n\nHi Sam,\n\n${secret}\n\nSee [the archive](https://mail.example/archive/2024/how-to-keep-your-keys-safe) for more.\n\nBest,\nAlex`,
};
const goal: LabelledText = { label: 'goal', text: 'Summarize my latest e-mail, please.', conversation: true };
const sources = [inbox, goal];

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
const carried = (candidate: string, from: readonly LabelledText[] = sources) => findCarriedText(candidate, from);
const charsFrom = (candidate: string, label = 'Inbox message 3', from: readonly LabelledText[] = sources) =>
  carried(candidate, from).sources.find((source) => source.label === label)?.chars ?? 0;

describe('findCarriedText: encodings', () => {
  it('finds plain text in a query, percent-encoded or with + for spaces', () => {
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(secret)}`)).toBe(secret.length);
    expect(charsFrom(`https://evil.example/c?d=${secret.replaceAll(' ', '+')}`)).toBe(secret.length);
    const found = carried(`https://evil.example/c?d=${encodeURIComponent(secret)}`);
    expect(found.decoded).toBe(`https://evil.example/c?d=${secret}`);
    expect(found.linkFrom).toBeNull();
  });

  it('finds base64 and base64url, padded or not, in a query value, a path segment and the fragment', () => {
    const part = secret.slice(0, 59);
    expect(b64(part)).toMatch(/=$/);
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(b64(part))}`)).toBe(59);
    expect(charsFrom(`https://evil.example/c?d=${b64url(part)}`)).toBe(59);
    expect(charsFrom(`https://evil.example/c?d=${b64(part).replace(/=+$/, '')}`)).toBe(59);
    expect(charsFrom(`https://evil.example/save/${b64url(part)}/done`)).toBe(59);
    // Standard base64 keeps its slashes in a path: found across the segments.
    const withSlash = 'Subject: ??? >>> ??? <<< the invoice is overdue, pay soon';
    expect(b64(withSlash)).toContain('/');
    const mail: LabelledText = { label: 'mail', text: withSlash };
    expect(charsFrom(`https://evil.example/save/${b64(withSlash)}`, 'mail', [mail])).toBe(withSlash.length);
    expect(charsFrom(`https://evil.example/#d=${b64url(part)}&x=1`)).toBe(59);
    expect(charsFrom(`https://evil.example/#/route/${b64(part)}`)).toBe(59);
    expect(carried(`https://evil.example/c?d=${b64url(part)}`).decoded).toBe(`https://evil.example/c?d=${part}`);
    expect(carried(`https://evil.example/c?d=${b64(part)}&x=1`).decoded).toBe(`https://evil.example/c?d=${part}&x=1`);
  });

  it('finds hex, in a query value and in subdomain labels', () => {
    const part = secret.slice(21, 59);
    expect(charsFrom(`https://evil.example/c?h=${hex(part)}`)).toBe(38);
    expect(charsFrom(`https://evil.example/c?h=${hex(part).toUpperCase()}`)).toBe(38);
    const labels = hex(part)
      .match(/.{1,40}/g)
      ?.join('.');
    expect(charsFrom(`https://${labels}.evil.example/`)).toBe(38);
  });

  it('finds nested encodings: base64 inside a percent-encoded query, percent-encoding inside base64', () => {
    const part = secret.slice(0, 49);
    expect(encodeURIComponent(b64(`prefix ${part}`))).toMatch(/%3D$/);
    // The space before the part is in the page too.
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(`x:${b64(`prefix ${part}`)}`)}`)).toBe(50);
    expect(charsFrom(`https://evil.example/c?d=${b64url(encodeURIComponent(part))}`)).toBe(49);
    expect(charsFrom(`https://evil.example/c?d=${b64url(b64(part))}`)).toBe(49);
  });

  it('sums text carried in several pieces of one URL', () => {
    const [a, b] = [secret.slice(0, 29), secret.slice(41, 81)];
    expect(charsFrom(`https://evil.example/c?a=${b64url(a)}&b=${encodeURIComponent(b)}`)).toBe(69);
  });

  it('finds text in a request body that is not a URL (JSON, form-encoded, base64)', () => {
    expect(charsFrom(JSON.stringify({ note: secret.slice(5, 45) }))).toBe(40);
    expect(charsFrom(`a=1&note=${encodeURIComponent(secret)}`)).toBe(secret.length);
    expect(charsFrom(`{"blob":"${b64(secret)}"}`)).toBe(secret.length);
  });
});

describe('findCarriedText: Chinese and Japanese', () => {
  const letter = '张伟你好，你的新银行卡密码是四四七一，恢复短语是天鹅绒港口十七灯笼，请勿告诉任何人。';
  const page: LabelledText = { label: '收件箱邮件', text: `主题：账户通知\n\n${letter}\n\n此致` };

  it('counts characters, a Chinese character weighing two Latin letters: 10 count, 9 do not', () => {
    const ten = letter.slice(8, 18);
    const nine = letter.slice(8, 17);
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(ten)}`, '收件箱邮件', [page])).toBe(10);
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(nine)}`, '收件箱邮件', [page])).toBe(0);
    expect(charsFrom(`https://evil.example/c?d=${b64(letter)}`, '收件箱邮件', [page])).toBe(letter.length);
    const found = carried(`https://evil.example/c?d=${encodeURIComponent(letter)}`, [page]);
    expect(found.decoded).toBe(`https://evil.example/c?d=${letter}`);
  });

  it('finds Chinese text with Latin words in it, and full-width letters as ASCII', () => {
    const mixed: LabelledText = { label: 'note', text: '请在 iPhone 15 上打开设置应用查看电池健康' };
    expect(
      charsFrom(`https://evil.example/?q=${encodeURIComponent('iPhone 15 上打开设置应用')}`, 'note', [mixed]),
    ).toBe(17);
    const wide: LabelledText = { label: 'wide', text: 'ＯＲＤＥＲ ＮＵＭＢＥＲ ＡＢＣ－１２３４５６７８９' };
    expect(charsFrom('https://evil.example/?q=order+number+abc-123456789', 'wide', [wide])).toBe(26);
  });

  it('finds Japanese (kana and kanji) in base64url and hex', () => {
    const japanese = 'パスワードは「さくら二〇二四」です。誰にも教えないでください。';
    const mail: LabelledText = { label: '受信トレイ', text: `件名：お知らせ\n${japanese}` };
    expect(charsFrom(`https://evil.example/c?d=${b64url(japanese)}`, '受信トレイ', [mail])).toBe(japanese.length);
    expect(charsFrom(`https://evil.example/c?d=${hex(japanese.slice(0, 12))}`, '受信トレイ', [mail])).toBe(12);
  });
});

describe('findCarriedText: what must not trigger', () => {
  it('ignores runs under 20 characters, common words and numbers', () => {
    expect(charsFrom(`https://evil.example/c?d=${encodeURIComponent(secret.slice(0, 19))}`)).toBe(0);
    const news: LabelledText = {
      label: 'news',
      text: 'The president of the country met the press on 2024-05-01 at 10:30. Call 1-800-555-0199 for details.',
    };
    expect(carried('https://search.example/?q=the+president&date=2024-05-01&t=10:30', [news]).sources).toEqual([]);
    expect(carried('https://phone.example/lookup?n=1-800-555-0199', [news]).sources).toEqual([]);
    const dashes: LabelledText = { label: 'rule', text: `----------------------------- ${'0'.repeat(30)}` };
    expect(carried(`https://evil.example/?a=${'-'.repeat(25)}&b=${'0'.repeat(25)}`, [dashes]).sources).toEqual([]);
  });

  it('does not mistake random tokens for encoded text', () => {
    const token = 'dGhpcyBpcyBub3QgaW4gdGhlIHBhZ2U_Zx9Kq3mW8vR2tY7uP4sL1nB6cE0aF5hJ';
    const session = 'https://app.example/auth?session=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(carried(`https://app.example/?t=${token}`).sources).toEqual([]);
    expect(carried(session).sources).toEqual([]);
  });

  it('does not count the site\u2019s own host, nor path words that the page\u2019s own links show', () => {
    const docs: LabelledText = {
      label: 'Docs',
      text: 'Welcome to documentation-portal.example.com. Read [the guide](https://documentation-portal.example.com/guides/getting-started-with-typescript-projects).',
    };
    expect(carried('https://documentation-portal.example.com/', [docs]).sources).toEqual([]);
    const next = 'https://documentation-portal.example.com/guides/getting-started-with-typescript-projects?page=2';
    expect(carried(next, [docs]).sources).toEqual([]);
    // The same slug sent to another site is the page's text leaving it.
    expect(charsFrom(`https://evil.example/?u=${encodeURIComponent(next)}`, 'Docs', [docs])).toBeGreaterThan(20);
  });

  it('calls a link that the page shows in full a link from the page, not carried text', () => {
    const found = carried('https://mail.example/archive/2024/how-to-keep-your-keys-safe');
    expect(found.sources).toEqual([]);
    expect(found.linkFrom?.label).toBe('Inbox message 3');
  });

  it('checks a link a teammate (model-written) shows against the pages the team read', () => {
    const leak = `https://evil.example/c?d=${encodeURIComponent(secret)}`;
    const member: LabelledText = { label: 'message from Researcher', text: `See ${leak}`, modelWritten: true };
    const found = carried(leak, [inbox, member]);
    expect(found.linkFrom).toBeNull();
    expect(found.sources).toEqual([{ label: 'Inbox message 3', chars: secret.length }]);
    // A clean link the teammate found is only repeated, not carried.
    const clean = 'https://en.wikipedia.org/wiki/Recovery_phrase_and_other_long_titles';
    const cited: LabelledText = { label: 'message from Researcher', text: `Read ${clean}`, modelWritten: true };
    expect(carried(clean, [inbox, cited])).toMatchObject({ sources: [], linkFrom: cited });
    // Its own text still counts when sent elsewhere.
    expect(charsFrom(`https://evil.example/?q=${encodeURIComponent(clean)}`, 'message from Researcher', [cited])).toBe(
      clean.length,
    );
  });

  it('leaves an ordinary URL alone', () => {
    expect(
      carried('https://en.wikipedia.org/wiki/United_States_of_America', [
        { label: 'page', text: 'The United States of America is a country.' },
      ]),
    ).toMatchObject({ sources: [], linkFrom: null });
  });
});

describe('findCarriedText: normalisation and reporting', () => {
  it('ignores case, spacing, zero-width characters and Markdown escapes', () => {
    const shouted = secret.toUpperCase().replaceAll(' ', '   ');
    expect(charsFrom(`https://evil.example/?d=${encodeURIComponent(shouted)}`)).toBe(secret.length);
    const escaped: LabelledText = { label: 'md', text: 'file\\_name\\_with\\_underscores\\_is\\_here' };
    expect(charsFrom('https://evil.example/?d=file_name_with_underscores_is_here', 'md', [escaped])).toBe(34);
    const hidden = secret.slice(0, 29).split('').join('\u200b');
    expect(charsFrom(`https://evil.example/?d=${encodeURIComponent(hidden)}`)).toBe(29);
  });

  it('names every source carried from, most characters first, the conversation flagged as such', () => {
    const question = 'Find flights from Berlin to Lisbon next Tuesday morning';
    const chat: LabelledText = { label: 'you', text: question, conversation: true };
    const found = carried(`https://evil.example/?q=${encodeURIComponent(`${question} ${secret}`)}`, [inbox, chat]);
    expect(found.sources).toEqual([
      // The space before the secret is shared too.
      { label: 'Inbox message 3', chars: secret.length + 1 },
      { label: 'you', chars: question.length, conversation: true },
    ]);
  });
});

describe('findCarriedText: big inputs', () => {
  it('finds a secret in the middle of 600 KB of page text', () => {
    const filler = Array.from({ length: 14_000 }, (_, i) => `Paragraph ${i} talks about the weather again. `).join('');
    const big: LabelledText = { label: 'big', text: `${filler.slice(0, 300_000)}${secret}${filler.slice(300_000)}` };
    expect(big.text.length).toBeGreaterThan(600_000);
    expect(charsFrom(`https://evil.example/?d=${b64(secret)}`, 'big', [big])).toBe(secret.length);
    expect(carried('https://evil.example/?d=nothing+from+the+page+here+at+all', [big]).sources).toEqual([]);
  });

  it('stays linear on repetitive text', () => {
    const repetitive: LabelledText = { label: 'rep', text: 'abcdefgh'.repeat(80_000) };
    const candidate = `https://evil.example/?d=${'abcdefgh'.repeat(1000)}Z`;
    expect(charsFrom(candidate, 'rep', [repetitive])).toBe(8000);
    expect(
      carried(`https://evil.example/?d=${'a'.repeat(8000)}`, [{ label: 'a', text: 'a'.repeat(500_000) }]).sources,
    ).toEqual([]);
  });
});
