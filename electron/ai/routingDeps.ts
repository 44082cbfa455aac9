/** What routing a request across providers needs (chat in router.ts, embeddings in embedding.ts). */
import type { AiSettings } from '../../shared/schemas/ai';
import type { Budgets } from './budgets';
import type { Catalog } from './catalog';
import type { HealthBook } from './healthBook';
import type { Ledger } from './ledger';
import type { ProviderSource } from './providerSource';

export interface RoutingDeps {
  catalog: Catalog;
  providers: ProviderSource;
  settings: () => AiSettings;
  ledger: Ledger;
  budgets: Budgets;
  health: HealthBook;
}
