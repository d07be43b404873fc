import { describe, expect, it } from 'vitest';
import { tabRequests } from '../../messaging/protocol';
import { tabRequestTypes } from './tab-request-types';

describe('the always-loaded relay', () => {
  it('relays every request the protocol sends to a tab, and nothing else', () => {
    expect([...tabRequestTypes].sort()).toEqual(Object.keys(tabRequests).sort());
  });
});
