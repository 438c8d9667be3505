import { type LocalizedMessage, planSchemas } from '@reformkit/model'
import * as z from 'zod'
import { firstUse } from '../engine/first-use.js'

/** The tag every ledger file starts with. */
export const LEDGER_SCHEMA_TAG = 'reformkit/ledger@1'

/**
 * Kinds of material, in the order the plan lists them (保障措施四), plus 公众参与 for
 * profiles that follow the 2019 interim regulations on major administrative decisions.
 */
export const ENTRY_KINDS = [
  'research',
  'discussion',
  'publicParticipation',
  'expertReview',
  'riskAssessment',
  'legalityReview',
  'meetingDecision',
  'minutes',
  'formalPlan',
  'supervision',
  'progress',
  'kpiReport',
  'bonusProof',
] as const

export type EntryKind = (typeof ENTRY_KINDS)[number]

/** The kinds as a schema (rule options and the config use it too), built on first use. */
export const entryKindSchema: () => z.ZodEnum<{ [K in EntryKind]: K }> = firstUse(() =>
  z.enum(ENTRY_KINDS),
)

/** Names of the kinds as the plan and the offices write them. */
export const entryKindLabels: Record<EntryKind, LocalizedMessage> = {
  research: { zh: '调研', en: 'research' },
  discussion: { zh: '讨论', en: 'discussion' },
  publicParticipation: { zh: '公众参与', en: 'public participation' },
  expertReview: { zh: '专家论证', en: 'expert review' },
  riskAssessment: { zh: '风险评估', en: 'risk assessment' },
  legalityReview: { zh: '合法性审查', en: 'legality review' },
  meetingDecision: { zh: '上会研究', en: 'meeting decision' },
  minutes: { zh: '纪要', en: 'minutes' },
  formalPlan: { zh: '正式方案', en: 'formal plan' },
  supervision: { zh: '督办情况', en: 'supervision record' },
  progress: { zh: '改革推进成效资料', en: 'progress evidence' },
  kpiReport: { zh: '指标数据', en: 'KPI report' },
  bonusProof: { zh: '加分事项证明', en: 'bonus proof' },
}

/**
 * Other names offices write for each kind, read as the kind (with an info note). Only names
 * that mean one kind and nothing else: 征求意见 may be 讨论 or 公众参与, so it is none.
 */
export const entryKindAliases: Record<EntryKind, readonly string[]> = {
  research: ['调研报告', '调查研究'],
  discussion: ['座谈', '座谈讨论', '讨论记录'],
  publicParticipation: ['公众意见', '听证', '听证会'],
  expertReview: ['专家论证意见', '专家咨询论证'],
  riskAssessment: ['风险评估报告', '社会稳定风险评估'],
  legalityReview: ['合法性审核', '合法性审查意见'],
  meetingDecision: ['上会', '会议研究', '集体讨论决定', 'meeting'],
  minutes: ['会议纪要'],
  formalPlan: ['实施方案', '正式实施方案'],
  supervision: ['督办', '督查', '督办记录'],
  progress: ['推进材料', '推进情况', '进展情况', '工作进展'],
  kpiReport: ['指标', '指标数据报送', 'kpi'],
  bonusProof: ['加分证明', '加分材料', 'bonus'],
}

/** The fields of an entry, in the LedgerEntry schema's order (the order its output has). */
export const ENTRY_FIELDS = [
  ...['id', 'item', 'unit', 'kind', 'date', 'title', 'issuer', 'documentNumber', 'note'],
  ...['attachments', 'meeting', 'kpi', 'milestone', 'bonus'],
] as const satisfies readonly (keyof LedgerEntry)[]

function build() {
  const { Id, IsoDate, Ref, Text } = planSchemas()
  const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

  /** A file filed with an entry; `path` is relative to the ledger root, never outside it. */
  const Attachment = z.strictObject({
    path: Text.meta({
      description: 'Path relative to the ledger root, e.g. files/fgj/调研报告.pdf',
    }),
    sha256: Sha256.optional().meta({ description: 'SHA-256 of the content, lower-case hex' }),
    bytes: z.int().nonnegative().optional(),
  })

  /** 上会研究: which body decided, at which session. */
  const Meeting = z.strictObject({
    body: Ref.meta({ description: 'Body id from the plan, e.g. qcgz (区创改组)' }),
    session: Text.optional().meta({ description: 'e.g. 2017年第3次会议' }),
  })

  /** 指标数据: a reported value of a KPI. */
  const KpiValue = z.strictObject({
    id: Ref.meta({ description: 'KPI id from the plan' }),
    value: z.number(),
    asOf: IsoDate.optional().meta({
      description: 'The day the value describes; defaults to the entry date',
    }),
  })

  /** 加分事项: why points are claimed and how many. */
  const Bonus = z.strictObject({
    reason: Text,
    points: z.number(),
  })

  /** 台账材料: one piece of evidence filed by a unit for an item. */
  const LedgerEntry = z.strictObject({
    id: Id,
    item: Ref.meta({ description: 'Item id from the plan' }),
    unit: Ref.meta({ description: 'Unit id from the plan (the filing unit)' }),
    kind: entryKindSchema(),
    date: IsoDate.meta({
      description: 'Date of the material (meeting day, issue day, report day)',
    }),
    title: Text,
    issuer: Text.optional().meta({ description: 'Body that issued the material' }),
    documentNumber: Text.optional().meta({ description: '文号' }),
    note: Text.optional(),
    attachments: z.array(Attachment).default([]),
    meeting: Meeting.optional(),
    kpi: KpiValue.optional(),
    milestone: Ref.optional().meta({ description: 'Milestone id, for progress on a roadmap step' }),
    bonus: Bonus.optional(),
  })

  const envelopeFields = {
    schema: z.string().meta({ description: `File format tag: ${LEDGER_SCHEMA_TAG}` }),
    unit: Ref.optional().meta({ description: 'Default unit of every entry in the file' }),
    title: Text.optional(),
    note: Text.optional(),
  }

  /** A ledger file: entries of one unit (set `unit` once) or of all units. */
  const LedgerFile = z.strictObject({
    ...envelopeFields,
    entries: z.array(
      LedgerEntry.extend({
        unit: Ref.optional().meta({ description: "Filing unit; defaults to the file's unit" }),
      }),
    ),
  })

  /** The file without its entries, which are validated one by one. */
  const LedgerEnvelope = z.strictObject({ ...envelopeFields, entries: z.array(z.unknown()) })
  return { Attachment, Meeting, KpiValue, Bonus, LedgerEntry, LedgerFile, LedgerEnvelope }
}

/** The zod schemas of a ledger file: `ledgerSchemas().LedgerEntry`, … */
export type LedgerSchemas = ReturnType<typeof build>

let built: LedgerSchemas | undefined

/**
 * The zod schemas of a ledger file, built on the first call, not at import: parseLedger
 * reads well-formed entries without them (fastEntry), and a run that reads none should not
 * pay for building them.
 */
export function ledgerSchemas(): LedgerSchemas {
  built ??= build()
  return built
}

/** Where an entry came from, kept so that every finding can point at its line. */
export interface EntrySource {
  file?: string
  /**
   * The worksheet the entry is a row of (an imported workbook): `line` and `column` are
   * then the row and column numbers, shown as a cell reference (`台账!C12`).
   */
  sheet?: string
  /** Where the entry starts (found when first read, for entries from `parseLedger`). */
  line?: number | undefined
  column?: number | undefined
  /** JSON pointer of the entry in its file, e.g. `/entries/3`. */
  path: string
  /** Line and column of each field the entry has. */
  fields?: Record<string, { line: number; column: number }>
}

export type LedgerEntry = z.infer<LedgerSchemas['LedgerEntry']> & { source?: EntrySource }
export type LedgerEntryInput = z.input<LedgerSchemas['LedgerEntry']>

export type Attachment = z.infer<LedgerSchemas['Attachment']>
