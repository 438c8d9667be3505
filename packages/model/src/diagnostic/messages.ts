import type { LocalizedMessage, MessageCatalogue } from './diagnostic.js'

/**
 * Messages of @reformkit/model, keyed by messageId. The ruleId of a diagnostic is
 * `<area>/<name>`; its messageId is the same string unless one check has several messages.
 */
export const modelMessages = {
  'source/too-large': {
    zh: '文件大小为 {{size}},超过上限 {{limit}};请检查是否选错了文件',
    en: 'The file is {{size}}, over the {{limit}} limit; check that this is the right file',
  },
  'source/not-text': {
    zh: '输入应为文本,实为 {{received}}',
    en: 'The input must be text, not {{received}}',
  },
  'source/internal': {
    zh: '读取时发生内部错误({{detail}});这是 reformkit 的缺陷,请报告',
    en: 'Internal error while reading ({{detail}}); this is a reformkit bug, please report it',
  },
  'source/encoding': {
    zh: '文件不是 UTF-8 编码,已按 {{encoding}} 读取;建议另存为 UTF-8',
    en: 'The file is not UTF-8 and was read as {{encoding}}; consider saving it as UTF-8',
  },
  'source/invalid-utf8': {
    zh: '文件是 UTF-8 编码,但有 {{count}} 处字节无效(第一处在此);这些字符已显示为“�”,请在编辑器中改正后以 UTF-8 保存',
    en: 'The file is UTF-8 but has {{count}} invalid byte sequences (the first is here); they read as "�"; correct them and save the file as UTF-8',
  },
  'source/not-a-file': {
    zh: '这不是普通文件(是设备、管道或其他特殊文件),未读取',
    en: 'This is not a regular file (a device, a pipe or another special file); it was not read',
  },
  'source/binary': {
    zh: '这不是文本文件(可能选错了文件,例如 Excel 或 PDF);请选择 YAML 或 JSON 文件',
    en: 'This is not a text file (perhaps an Excel or PDF file was chosen); choose a YAML or JSON file',
  },
  'source/empty': {
    zh: '文件为空',
    en: 'The file is empty',
  },
  'source/syntax': {
    zh: 'YAML/JSON 语法错误({{code}}):{{detail}}',
    en: 'YAML/JSON syntax error ({{code}}): {{detail}}',
  },
  'source/duplicate-key': {
    zh: '同一层级中键“{{key}}”出现了两次',
    en: 'The key "{{key}}" appears twice at the same level',
  },
  'source/tab-indent': {
    zh: '缩进中使用了制表符(Tab);YAML 只允许用空格缩进',
    en: 'A tab is used for indentation; YAML indents with spaces only',
  },
  'source/alias-limit': {
    zh: '别名(*alias)展开次数过多,文件可能是恶意构造的“别名炸弹”',
    en: 'Too many alias (*alias) expansions; the file may be an alias bomb',
  },
  'source/too-deep': {
    zh: '嵌套层级超过 {{limit}} 层',
    en: 'Nesting is deeper than {{limit}} levels',
  },
  'source/not-mapping': {
    zh: '文件顶层应为“键: 值”映射,实为{{received}}',
    en: 'The top level must be a mapping of keys to values, not {{received}}',
  },
  'schema/missing-tag': {
    zh: '缺少版本标记;请在文件开头加上 “schema: {{expected}}”',
    en: 'The version tag is missing; add "schema: {{expected}}" at the top of the file',
  },
  'schema/wrong-tag': {
    zh: '版本标记为“{{actual}}”,本程序读取的是 {{expected}}',
    en: 'The version tag is "{{actual}}"; this program reads {{expected}}',
  },
  'schema/unsupported-version': {
    zh: '文件格式版本 {{actual}} 不受支持;本版本只能读取 {{expected}},请升级 reformkit',
    en: 'File format {{actual}} is not supported; this version reads {{expected}} only — upgrade reformkit',
  },
  'schema/invalid-type': {
    zh: '“{{field}}”应为{{expected}},实为{{received}}',
    en: '"{{field}}" must be {{expected}}, not {{received}}',
  },
  'schema/required': {
    zh: '缺少必填字段“{{field}}”',
    en: 'The required field "{{field}}" is missing',
  },
  'schema/unknown-key': {
    zh: '未知字段“{{field}}”',
    en: 'Unknown field "{{field}}"',
  },
  'schema/unknown-key-suggest': {
    zh: '未知字段“{{field}}”,是否应为“{{suggestion}}”?',
    en: 'Unknown field "{{field}}"; did you mean "{{suggestion}}"?',
  },
  'schema/invalid-value': {
    zh: '“{{field}}”的取值“{{value}}”无效,可选:{{options}}',
    en: '"{{field}}" cannot be "{{value}}"; choose one of: {{options}}',
  },
  'schema/too-small': {
    zh: '字段“{{field}}”{{requirement}}',
    en: 'The field "{{field}}" {{requirement}}',
  },
  'schema/invalid-format': {
    zh: '“{{field}}”的取值“{{value}}”格式不对:{{format}}',
    en: '"{{field}}" has the value "{{value}}" in the wrong format: {{format}}',
  },
  'schema/invalid-date': {
    zh: '日期“{{value}}”不存在',
    en: 'The date "{{value}}" does not exist',
  },
  'schema/invalid': {
    zh: '“{{field}}”无效:{{detail}}',
    en: '"{{field}}" is invalid: {{detail}}',
  },
  'plan/duplicate-id': {
    zh: '{{collection}} 中的 id“{{id}}”重复,首次出现在第 {{firstLine}} 行',
    en: 'The id "{{id}}" in {{collection}} is used twice; first on line {{firstLine}}',
  },
  'plan/unknown-unit': {
    zh: '事项{{item}}的“{{field}}”引用了不存在的单位或单位组“{{id}}”',
    en: 'Item {{item}}: "{{field}}" names "{{id}}", which is no unit or unit group',
  },
  'plan/unknown-unit-suggest': {
    zh: '事项{{item}}的“{{field}}”引用了不存在的单位“{{id}}”;是否应为“{{suggestion}}”({{suggestionName}})?',
    en: 'Item {{item}}: "{{field}}" names "{{id}}", which is no unit; did you mean "{{suggestion}}" ({{suggestionName}})?',
  },
  'plan/unknown-category': {
    zh: '事项{{item}}的类别“{{id}}”不在 categories 中',
    en: 'Item {{item}} has the category "{{id}}", which is not in categories',
  },
  'plan/unknown-group-member': {
    zh: '单位组“{{group}}”的成员“{{id}}”不在 units 中',
    en: 'Unit group "{{group}}" lists "{{id}}", which is not in units',
  },
  'plan/lead-not-responsible': {
    zh: '事项{{item}}的“{{field}}”中的“{{id}}”不在该事项的责任单位(responsible)中',
    en: 'Item {{item}}: "{{id}}" in "{{field}}" is not among the responsible units',
  },
  'plan/range-without-upper': {
    zh: '指标“{{kpi}}”的比较方式为区间(range),但缺少上限 upper',
    en: 'KPI "{{kpi}}" is a range but has no upper bound (upper)',
  },
  'plan/range-reversed': {
    zh: '指标“{{kpi}}”的上限 {{upper}} 小于下限 {{value}}',
    en: 'KPI "{{kpi}}" has upper {{upper}} below its value {{value}}',
  },
  'plan/upper-without-range': {
    zh: '指标“{{kpi}}”给出了上限 upper,但比较方式不是区间(range),上限将被忽略',
    en: 'KPI "{{kpi}}" has an upper bound but is not a range; upper is ignored',
  },
  'plan/milestone-outside-period': {
    zh: '节点“{{milestone}}”的完成时限 {{due}} 不在方案期限 {{start}} 至 {{end}} 内',
    en: 'Milestone "{{milestone}}" is due {{due}}, outside the plan period {{start}} to {{end}}',
  },
  'plan/unknown-owner-unit': {
    zh: '节点“{{milestone}}”的责任单位“{{id}}”不在 units 中',
    en: 'Milestone "{{milestone}}" names the owner unit "{{id}}", which is not in units',
  },
  'plan/item-number-sequence': {
    zh: '第 {{position}} 个事项的序号应为 {{expected}},实为 {{actual}}(序号须从 1 起连续编排)',
    en: 'Item {{position}} must have number {{expected}}, not {{actual}} (numbers run 1..n in order)',
  },
  'plan/category-count': {
    zh: '类别“{{category}}”声明共 {{declared}} 项,实际列出 {{actual}} 项',
    en: 'Category "{{category}}" declares {{declared}} items but lists {{actual}}',
  },
  'plan/item-number-restart': {
    zh: '类别“{{category}}”中第 {{position}} 个事项的序号应为 {{expected}},实为 {{actual}}(numbering: perCategory,各类别内从 1 起连续编排)',
    en: 'Item {{position}} of category "{{category}}" must have number {{expected}}, not {{actual}} (numbering: perCategory, each category runs 1..n)',
  },
  'plan/no-unit': {
    zh: '事项{{item}}未写明责任单位;可以保留,但该事项的材料无法归到某个单位,考核也不计入任何单位',
    en: 'Item {{item}} names no responsible unit; accepted, but its materials belong to no unit and it counts toward no unit in the assessment',
  },
  'plan/unknown-parent': {
    zh: '类别“{{category}}”的上级类别“{{id}}”不在 categories 中',
    en: 'Category "{{category}}" has the parent "{{id}}", which is not in categories',
  },
  'plan/category-cycle': {
    zh: '类别“{{category}}”经上级(parent)又回到自身,层级不能成环',
    en: 'Category "{{category}}" is its own ancestor through parent; categories cannot form a loop',
  },
  'plan/period-reversed': {
    zh: '方案期限的开始日期 {{start}} 晚于结束日期 {{end}}',
    en: 'The plan period starts {{start}}, after it ends {{end}}',
  },
} satisfies MessageCatalogue

export type ModelMessageId = keyof typeof modelMessages

/** Names of value types, for messages about wrong types. */
export const typeNames = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '布尔值(true/false)', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '映射(键: 值)', en: 'a mapping (key: value)' },
  record: { zh: '映射(键: 值)', en: 'a mapping (key: value)' },
  map: { zh: '映射(键: 值)', en: 'a mapping (key: value)' },
  null: { zh: '空值', en: 'empty (null)' },
  nan: { zh: '非数值(NaN)', en: 'NaN (not a number)' },
  infinity: { zh: '无穷大', en: 'infinity' },
  undefined: { zh: '空', en: 'nothing' },
} satisfies Record<string, LocalizedMessage>

export type TypeName = keyof typeof typeNames
