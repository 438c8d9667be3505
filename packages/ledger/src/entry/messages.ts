import type { MessageCatalogue } from '@reformkit/model'

/** Messages of ledger reading (rules carry their own messages in their meta). */
export const ledgerMessages = {
  'ledger/normalized': {
    zh: '“{{field}}”写作“{{from}}”,已按“{{to}}”读取',
    en: '"{{field}}" was written "{{from}}" and is read as "{{to}}"',
  },
  'ledger/unreadable': {
    zh: '无法读取:{{reason}}',
    en: 'Cannot be read: {{reason}}',
  },
  'ledger/too-large': {
    zh: '台账文件大小为 {{size}},超过上限 {{limit}};请按单位或年度拆分为几个较小的台账文件',
    en: 'The ledger file is {{size}}, over the {{limit}} limit; split it into smaller ledger files, by unit or by year',
  },
  'ledger/no-files': {
    zh: '文件夹中没有台账文件(.yaml、.yml 或 .json)',
    en: 'The folder holds no ledger file (.yaml, .yml or .json)',
  },
  'ledger/malformed-entry': {
    zh: '第 {{index}} 条台账条目的“{{field}}”缺失或格式不对,未参与检查;请用 parseLedger 读取台账',
    en: 'Entry {{index}}: "{{field}}" is missing or malformed, so the entry was not checked; read ledgers with parseLedger',
  },
  'ledger/invalid-characters': {
    zh: '“{{field}}”含有不可见的控制字符({{code}}),在 Excel、Word 报告中会显示为“�”;请删去',
    en: '"{{field}}" holds an invisible control character ({{code}}); Excel and Word reports show it as "�"; remove it',
  },
  'rule-crashed': {
    zh: '规则 {{rule}} 运行出错({{detail}});这是 reformkit 的缺陷,请报告',
    en: 'Rule {{rule}} failed ({{detail}}); this is a reformkit bug, please report it',
  },
} satisfies MessageCatalogue
