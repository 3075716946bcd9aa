/** The part of oidc-provider's API that the test identity provider uses (the package ships no types). */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ClientLike {
    clientId: string;
  }
  interface ProviderConfiguration {
    jwks: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    clients?: Record<string, unknown>[];
    features?: {
      devInteractions?: { enabled: boolean };
      clientCredentials?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: unknown,
          client: ClientLike,
          oneOf?: string[],
        ) => string | string[] | undefined;
        useGrantedResource?: (ctx: unknown, model: unknown) => boolean;
        getResourceServerInfo?: (
          ctx: unknown,
          resourceIndicator: string,
          client: ClientLike,
        ) => Record<string, unknown>;
      };
    };
    ttl?: Record<string, number | ((ctx: unknown, token: unknown, client: ClientLike) => number)>;
    extraTokenClaims?: (ctx: unknown, token: unknown) => Record<string, unknown> | undefined;
  }
  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration);
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  }
}
