import { describe, expect, it } from 'vitest';
import { smtpFailure } from '../../../src/platform/net/smtp-sender.js';
import { encodeHeader, fetchFailure } from '../../../src/platform/net/webhook-sender.js';

// Error objects shaped like nodemailer's and undici's; their messages name the server, which
// must never reach the result.
const secretHost = 'smtp.private-mail.example';

describe('smtpFailure', () => {
  it.each([
    [{ code: 'EDNS', message: `getaddrinfo ENOTFOUND ${secretHost}` }, 'bad-host', true],
    [{ code: 'ESOCKET', message: `connect ECONNREFUSED 10.0.0.1:587 (${secretHost})` }, 'unreachable', true],
    [{ code: 'ECONNECTION', message: `connect ENETUNREACH ${secretHost}` }, 'unreachable', true],
    [{ code: 'ETIMEDOUT', message: `Greeting never received from ${secretHost}` }, 'timeout', true],
    [{ code: 'EAUTH', responseCode: 535, message: `535 Invalid login for user at ${secretHost}` }, 'auth-failed', false],
    [{ code: 'ESOCKET', message: `self-signed certificate for ${secretHost}` }, 'tls-failed', false],
    [{ code: 'EENVELOPE', responseCode: 550, message: 'No such user' }, 'rejected', false],
    [{ code: 'EMESSAGE', responseCode: 451, message: 'Try later' }, 'server-error', true],
    [new Error(`odd failure at ${secretHost}`), 'unknown', true],
  ])('%j → %s', (error, code, retryable) => {
    const result = smtpFailure(error);
    expect(result).toMatchObject({ ok: false, code, retryable });
    expect(JSON.stringify(result)).not.toContain(secretHost);
  });
});

describe('fetchFailure', () => {
  const wrapped = (cause: object): Error => Object.assign(new TypeError('fetch failed'), { cause });
  it.each([
    [{ code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${secretHost}` }, 'bad-host'],
    [{ code: 'ECONNREFUSED' }, 'unreachable'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'timeout'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'tls-failed'],
    [{ message: 'bad port' }, 'bad-config'],
    [{ code: 'EWHATEVER', message: secretHost }, 'unknown'],
  ])('%j → %s', (cause, code) => {
    const result = fetchFailure(wrapped(cause));
    expect(result).toMatchObject({ ok: false, code });
    expect(JSON.stringify(result)).not.toContain(secretHost);
  });
});

describe('encodeHeader', () => {
  it('leaves ASCII alone and encodes anything else as an RFC 2047 word', () => {
    expect(encodeHeader('[ScareStop] Test')).toBe('[ScareStop] Test');
    expect(encodeHeader('偽の警告')).toBe(`=?UTF-8?B?${Buffer.from('偽の警告').toString('base64')}?=`);
    expect(encodeHeader('line\nbreak')).toMatch(/^=\?UTF-8\?B\?/);
  });
});
