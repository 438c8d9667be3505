import * as z from 'zod'
import { presetSeverity } from '../engine/config.js'
import type { Rule } from '../engine/rule.js'

const severityNames = {
  error: '错误 error',
  warning: '警告 warning',
  info: '提示 info',
  off: '关闭 off',
}

/** The page name of a rule: `ref/unknown-unit` → `ref-unknown-unit`. */
export function rulePageName(id: string): string {
  return id.replace(/\//g, '-')
}

/** Default options of a rule, as they would be written in reformkit.config.yaml. */
export function ruleDefaults(rule: Rule): Record<string, unknown> | undefined {
  if (!rule.meta.options) return undefined
  const parsed = rule.meta.options.safeParse({})
  return parsed.success ? (parsed.data as Record<string, unknown>) : undefined
}

/**
 * One rule's documentation page in Markdown, in Chinese and English: what it checks, why
 * (the plan section), its default severity, options with defaults, and its messages.
 * The CLI's `rules` command and docs/rules/ both come from here.
 */
export function ruleDocsMarkdown(rule: Rule): string {
  const { meta } = rule
  const lines = [
    `# ${rule.id}`,
    '',
    `${meta.docs.zh}`,
    '',
    `${meta.docs.en}`,
    '',
    `- 依据 Rationale: ${meta.docs.rationale}`,
    `- 类型 Type: ${meta.type === 'problem' ? '问题 problem' : '建议 suggestion'}`,
    `- 预设 Presets: recommended → ${severityNames[meta.recommended]}; strict → ${severityNames[presetSeverity(rule, 'strict')]}`,
  ]
  if (meta.needs === 'attachments')
    lines.push(
      '- 需要读取附件(`@reformkit/ledger/node` 或 CLI)— Needs the attachments read from disk',
    )
  if (meta.needs === 'copies')
    lines.push('- 需要另一份台账(一式两份)— Needs the other copy of the ledger')
  const defaults = ruleDefaults(rule)
  if (meta.options) {
    const schema = z.toJSONSchema(meta.options, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { description?: string }>
    }
    lines.push(
      '',
      '## 选项 Options',
      '',
      '| 选项 Option | 默认值 Default | 说明 Description |',
      '|---|---|---|',
    )
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const value = defaults?.[name]
      const shown = value === undefined ? '—' : `\`${JSON.stringify(value)}\``
      lines.push(`| \`${name}\` | ${shown} | ${cell(property.description ?? '')} |`)
    }
  }
  lines.push(
    '',
    '## 配置 Configuration',
    '',
    '```yaml',
    '# reformkit.config.yaml',
    'rules:',
    defaults && Object.keys(defaults).length > 0
      ? `  ${rule.id}: [${presetSeverity(rule, 'strict')}, ${JSON.stringify(defaults)}]`
      : `  ${rule.id}: ${presetSeverity(rule, 'strict')}`,
    '```',
    '',
    '## 提示信息 Messages',
    '',
    '| messageId | zh-CN | en |',
    '|---|---|---|',
    ...Object.entries(meta.messages).map(
      ([id, message]) => `| \`${id}\` | ${cell(message.zh)} | ${cell(message.en)} |`,
    ),
    '',
  )
  return lines.join('\n')
}

/** The index of all rules: id, what it checks (zh), recommended severity. */
export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  return [
    '| 规则 Rule | 检查内容 | What it checks | recommended |',
    '|---|---|---|---|',
    ...rules.map(
      (rule) =>
        `| [\`${rule.id}\`](${rulePageName(rule.id)}.md) | ${cell(rule.meta.docs.zh)} | ${cell(rule.meta.docs.en)} | ${rule.meta.recommended} |`,
    ),
  ].join('\n')
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
