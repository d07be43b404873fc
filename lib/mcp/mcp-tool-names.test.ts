import { describe, expect, it } from 'vitest';
import { isMcpToolName, qualifiedToolName, serverSlug } from './mcp-tool-names';

describe('MCP tool names', () => {
  it('makes a short slug from the server’s name, unique among the taken ones', () => {
    expect(serverSlug('My Weather!', [])).toBe('myweather');
    expect(serverSlug('My Weather', ['myweather'])).toBe('myweather2');
    expect(serverSlug('My Weather', ['myweather', 'myweather2'])).toBe('myweather3');
    expect(serverSlug('天气服务', [])).toBe('mcp');
    expect(serverSlug('42 Café', [])).toBe('cafe');
    expect(serverSlug('A very long server name indeed', [])).toHaveLength(16);
  });

  it('names tools by server within OpenAI’s function-name rule', () => {
    expect(qualifiedToolName('weather', 'get_forecast')).toBe('weather__get_forecast');
    expect(qualifiedToolName('files', 'fs.read/file')).toBe('files__fs_read_file');
    const long = qualifiedToolName('weather', 'x'.repeat(100));
    expect(long).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(isMcpToolName('weather__get_forecast')).toBe(true);
    expect(isMcpToolName('fetch_url')).toBe(false);
  });
});
