import type { MessageCatalogue } from '@reformkit/model'

/** Messages of ledger reading (rules carry their own messages in their meta). */
export const ledgerMessages = {
  'ledger/normalized': {
    zh: '“{{field}}”写作“{{from}}”,已按“{{to}}”读取',
    en: '"{{field}}" was written "{{from}}" and is read as "{{to}}"',
  },
} satisfies MessageCatalogue
