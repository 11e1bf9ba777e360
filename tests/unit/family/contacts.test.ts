import { describe, expect, it } from 'vitest';
import { ALL_TRIGGERS, buildContact, redactUrl } from '../../../src/engine/family/contacts.js';
import { describeSmtp, smtpWarning, validateSmtp } from '../../../src/engine/family/settings.js';

describe('buildContact', () => {
  it('accepts an email contact with every trigger on by default, Japanese by default', () => {
    const result = buildContact('c-1', { name: ' 花子 ', email: 'hanako@example.jp' });
    expect(result).toEqual({ ok: true, value: { id: 'c-1', name: '花子', language: 'ja', email: 'hanako@example.jp', triggers: ALL_TRIGGERS } });
  });

  it('accepts a webhook contact in ntfy mode with chosen triggers (kept in canonical order)', () => {
    const result = buildContact('c-2', { name: 'Ken', language: 'en', webhookUrl: 'https://ntfy.example/topic', webhookMode: 'ntfy', triggers: ['guard-stopped', 'scam-page'] });
    expect(result.ok && result.value.triggers).toEqual(['scam-page', 'guard-stopped']);
    expect(result.ok && result.value.webhook).toEqual({ url: 'https://ntfy.example/topic', mode: 'ntfy' });
  });

  it.each([
    [{ name: '', email: 'a@b.jp' }, 'bad-name'],
    [{ name: 'A' }, 'no-channel'],
    [{ name: 'A', email: 'not an address' }, 'bad-email'],
    [{ name: 'A', webhookUrl: 'ftp://x.example/' }, 'bad-url'],
    [{ name: 'A', webhookUrl: 'nonsense' }, 'bad-url'],
    [{ name: 'A', email: 'a@b.jp', language: 'fr' }, 'bad-language'],
    [{ name: 'A', email: 'a@b.jp', triggers: ['scam-page', 'lunch'] }, 'bad-trigger'],
    [{ name: 'A', webhookUrl: 'https://x.example/', webhookMode: 'xml' }, 'bad-webhook-mode'],
  ])('refuses %j with %s', (input, code) => {
    const result = buildContact('c', input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('redacts webhook URLs to scheme and host', () => {
    expect(redactUrl('https://user:pw@ntfy.example:8443/secret-topic?auth=tok')).toBe('https://ntfy.example:8443/…');
  });
});

describe('validateSmtp', () => {
  it('defaults the port from the security mode', () => {
    const tls = validateSmtp({ host: 'smtp.example.jp', security: 'tls', from: 'a@example.jp' });
    expect(tls.ok && tls.value.port).toBe(465);
    const starttls = validateSmtp({ host: 'smtp.example.jp', from: 'a@example.jp' });
    expect(starttls.ok && starttls.value).toMatchObject({ port: 587, security: 'starttls' });
  });

  it('refuses bad values without echoing them', () => {
    const result = validateSmtp({ host: 'smtp.secret-host.jp', port: '99999', from: 'a@example.jp' });
    expect(!result.ok && result.error.code).toBe('bad-port');
    expect(!result.ok && result.error.message).not.toContain('secret-host');
    expect(validateSmtp({ host: 'h', from: 'a@b', user: 'u' }).ok).toBe(false);
    expect(validateSmtp({ host: '', from: 'a@b' }).ok).toBe(false);
  });

  it('describes settings without naming the server or login', () => {
    const result = validateSmtp({ host: 'smtp.secret-host.jp', from: 'a@example.jp', user: 'mother', password: 'hunter2' });
    const text = describeSmtp(result.ok ? result.value : undefined);
    expect(text).toBe('set up (encrypted, with login)');
    expect(describeSmtp(undefined)).toBe('not set up');
  });
});

describe('secrets in contact settings', () => {
  it('refuses a webhook URL with user:token@ and says why, without echoing the token', () => {
    const built = buildContact('c-1', { name: 'Ken', webhookUrl: 'https://ken:s3cr3t-token@hooks.example.com/alert' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error.code).toBe('url-credentials');
    expect(built.error.message).toContain('user name or password');
    expect(built.error.message).not.toContain('s3cr3t');
    expect(buildContact('c-2', { name: 'Ken', webhookUrl: 'https://hooks.example.com/alert/s3cr3t' }).ok).toBe(true);
  });

  it('refuses to store a login for an unencrypted mail server unless the user accepts it, then warns', () => {
    const input = { host: 'mail.example.jp', security: 'none', user: 'u', password: 'p', from: 'a@example.jp' };
    const refused = validateSmtp(input);
    expect(refused.ok ? undefined : refused.error.code).toBe('plaintext-login');
    const accepted = validateSmtp(input, { allowPlaintextLogin: true });
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(smtpWarning(accepted.value)).toContain('unencrypted');
    const encrypted = validateSmtp({ ...input, security: 'starttls' });
    expect(encrypted.ok && smtpWarning(encrypted.value)).toBeUndefined();
    expect(validateSmtp({ host: 'mail.example.jp', security: 'none', from: 'a@example.jp' }).ok).toBe(true);
  });
});
