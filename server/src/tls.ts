/**
 * TLS when the server terminates it itself (TLS_CERT / TLS_KEY): TLS 1.2 minimum (1.3 preferred by
 * OpenSSL's negotiation), and for TLS 1.2 only the cipher suites recommended by BSI TR-02102-2
 * (ECDHE with AES-GCM / AES-CCM, forward secrecy only). TLS 1.3 suites are all TR-02102-2 conform.
 * Behind Azure's ingress TLS is terminated there (configured to TLS 1.2+ as well, docs/deploy.md).
 */
import { readFileSync } from 'node:fs';
import type { SecureContextOptions, TlsOptions } from 'node:tls';

/** BSI TR-02102-2 (2024) recommended TLS 1.2 suites available in OpenSSL, strongest first. */
export const BSI_TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-CCM',
  'ECDHE-ECDSA-AES128-CCM',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-AES128-GCM-SHA256',
];

export const TLS13_CIPHERSUITES = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_128_CCM_SHA256',
];

/** Curves for ECDHE recommended by TR-02102-2 (brainpool where the client offers them, NIST P-curves). */
export const BSI_GROUPS = [
  'brainpoolP512r1',
  'brainpoolP384r1',
  'brainpoolP256r1',
  'P-384',
  'P-256',
  'X25519',
];

export function tlsOptions(cert: string | Buffer, key: string | Buffer): TlsOptions & SecureContextOptions {
  return {
    cert,
    key,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    ciphers: [...TLS13_CIPHERSUITES, ...BSI_TLS12_CIPHERS].join(':'),
    ecdhCurve: BSI_GROUPS.join(':'),
    honorCipherOrder: true,
  };
}

export function tlsOptionsFromFiles(certFile: string, keyFile: string): TlsOptions & SecureContextOptions {
  try {
    return tlsOptions(readFileSync(certFile), readFileSync(keyFile));
  } catch (err) {
    throw new Error(`TLS_CERT/TLS_KEY: cannot read ${certFile} / ${keyFile}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

export const HSTS_HEADER = 'max-age=63072000; includeSubDomains';
