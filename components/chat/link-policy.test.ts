import { describe, expect, it } from 'vitest';
import { checkAnswerLinks } from '../../lib/consent/answer-links';
import { inertLinks, linkPolicyFor, linkVerdict, openLinks } from './link-policy';

const secret = 'the recovery phrase is velvet harbor seventeen lantern';
const check = checkAnswerLinks(
  `[a](https://evil.example/?d=${encodeURIComponent(secret)}) [b](https://ok.example/page)`,
  [{ label: 'Inbox', text: secret }],
);

describe('linkVerdict', () => {
  it('opens checked clean links, flags carrying ones, and fails closed on addresses the check did not see', () => {
    const policy = linkPolicyFor(check, true);
    expect(linkVerdict(policy, 'https://ok.example/page')).toEqual({ kind: 'open' });
    const flagged = linkVerdict(policy, `https://evil.example/?d=${encodeURIComponent(secret)}`);
    expect(flagged).toMatchObject({ kind: 'carried', link: { carried: [{ label: 'Inbox', chars: secret.length }] } });
    expect(linkVerdict(policy, 'https://unseen.example/')).toEqual({ kind: 'inert' });
    expect(linkVerdict(policy, 'javascript:alert(1)')).toEqual({ kind: 'inert' });
  });

  it('keeps everything inert before the check, and opens only never-checked settled text', () => {
    expect(linkPolicyFor(undefined, false)).toBe(inertLinks);
    expect(linkVerdict(inertLinks, 'https://ok.example/page')).toEqual({ kind: 'inert' });
    expect(linkPolicyFor(undefined, true)).toBe(openLinks);
    expect(linkVerdict(openLinks, 'https://any.example/')).toEqual({ kind: 'open' });
  });
});
