/**
 * Who is calling. Roles and data scopes will grow (nation, province, zone, employer, self, provider:
 * DOMAIN.md T3, T4, T17); every decision about them is taken in policy.ts, nowhere else.
 */
export type ProviderPrincipal = { kind: 'provider'; providerId: string; clientId: string };
export type OperatorPrincipal = { kind: 'operator'; operatorId: string; scope: { level: 'nation' } };
export type Principal = ProviderPrincipal | OperatorPrincipal;
