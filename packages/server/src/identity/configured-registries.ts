import type { RegistryConfig } from '../config/registry-config.js';
import {
  httpBusinessRegistry,
  httpPopulationRegistry,
  readRegistryTls,
  registryClient,
} from './http/http-registries.js';
import type { RegistryClient } from './http/registry-http-client.js';
import type { IdentityRegistries } from './identity-registry.js';

export type ConfiguredRegistries = IdentityRegistries & { close(): void };

/**
 * What the F8 check asks: each registry whose URL is configured over HTTP (production requires both,
 * config/registry-config.ts), the other the local stand-in (the sandbox default).
 */
export async function configuredRegistries(
  config: RegistryConfig,
  local: IdentityRegistries,
): Promise<ConfiguredRegistries> {
  const tls = config.populationUrl || config.businessUrl ? await readRegistryTls(config.tls) : {};
  const clients: RegistryClient[] = [];
  const client = (name: string, url: string) => {
    const created = registryClient(name, url, config, tls);
    clients.push(created);
    return created;
  };
  return {
    population: config.populationUrl
      ? httpPopulationRegistry(
          client('population registry', config.populationUrl),
          config.populationPassports,
        )
      : local.population,
    business: config.businessUrl
      ? httpBusinessRegistry(client('business registry', config.businessUrl))
      : local.business,
    close() {
      for (const c of clients) c.close();
    },
  };
}
