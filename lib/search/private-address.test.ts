import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './private-address';

describe('isPrivateAddress', () => {
  it('knows loopback, local networks, link-local and local names', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://localhost/admin',
      'http://router.local/',
      'http://10.1.2.3/',
      'http://172.20.0.1/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
    ]) {
      expect(isPrivateAddress(url), url).toBe(true);
    }
  });

  it('lets public addresses and names through', () => {
    for (const url of ['https://example.com/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'https://[2001:db8::1]/']) {
      expect(isPrivateAddress(url), url).toBe(false);
    }
  });
});
