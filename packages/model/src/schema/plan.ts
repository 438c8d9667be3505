import * as z from 'zod'
import { ISO_DATE_PATTERN, isIsoDate } from '../period/period.js'

/** The tag every plan file starts with; the number after `@` is the major version. */
export const PLAN_SCHEMA_TAG = 'reformkit/plan@1'

/** Ids are ASCII and file-name safe: a letter, then letters, digits, `_`, `.`, `-`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/

function build() {
  /** An ISO calendar date `YYYY-MM-DD`, kept as text so plans stay plain, comparable data. */
  const IsoDate = z
    .string()
    .regex(ISO_DATE_PATTERN)
    .refine((text) => !ISO_DATE_PATTERN.test(text) || isIsoDate(text), {
      params: { reformkit: 'invalid-date' },
      abort: true,
    })
    .meta({ description: 'ISO calendar date YYYY-MM-DD', examples: ['2017-08-17'] })

  /** Ids are stable, ASCII and file-name safe: `fgj`, `item-01`, `kpi.platforms`. */
  const Id = z
    .string()
    .regex(ID_PATTERN)
    .meta({ description: 'ASCII id: a letter, then letters, digits, _ . -', examples: ['fgj'] })

  /**
   * A reference to an id defined elsewhere in the plan. Any text is accepted here so that a
   * name written in place of an id (发改局 for fgj) is reported by the reference check,
   * which can say which id was meant.
   */
  const Ref = z.string().trim().min(1)

  /** Text that must not be empty (surrounding spaces are trimmed). */
  const Text = z.string().trim().min(1)

  const Period = z
    .strictObject({ start: IsoDate, end: IsoDate })
    .meta({ description: 'Inclusive date range of the plan' })

  const BasisDocument = z.strictObject({
    title: Text.meta({ description: 'Title of the document the plan implements' }),
    issuer: Text.optional(),
    number: Text.optional().meta({ description: 'Document number (文号)' }),
    date: IsoDate.optional(),
  })

  /** One named list of the 总体要求, e.g. 两条主线. */
  const FrameworkList = z.strictObject({
    id: Id,
    label: Text.meta({ description: 'Heading as the plan words it, e.g. 两条主线' }),
    entries: z.array(Text).min(1),
  })

  /** 总体要求: the overall requirement and its named lists. */
  const Framework = z.strictObject({
    text: Text.optional().meta({ description: 'The 总体要求 paragraph as published' }),
    lists: z.array(FrameworkList).default([]),
  })

  const Body = z.strictObject({
    id: Id,
    name: Text,
    shortName: Text.optional(),
    aliases: z.array(Text).default([]),
  })

  /** The bodies that steer the plan: 区创改组, its office 区创新办, the superior 市创新办. */
  const Bodies = z.strictObject({
    leadingGroup: Body.optional().meta({ description: 'Leading group (领导小组), e.g. 区创改组' }),
    office: Body.optional().meta({ description: "The leading group's office, e.g. 区创新办" }),
    superior: Body.optional().meta({ description: 'Office reported to, e.g. 市创新办' }),
  })

  const UnitKind = z.enum(['department', 'park', 'customs', 'body', 'other'])

  /** 责任单位. */
  const Unit = z.strictObject({
    id: Id,
    name: Text.meta({ description: 'Name as the plan writes it, e.g. 发改局' }),
    shortName: Text.optional(),
    aliases: z.array(Text).default([]).meta({ description: 'Other names people write' }),
    kind: UnitKind.default('department'),
  })

  /** A collective name standing for several units: 各园区 → every park. */
  const UnitGroup = z.strictObject({
    id: Id,
    name: Text,
    aliases: z.array(Text).default([]),
    members: z.array(Ref).min(1).meta({ description: 'Unit ids' }),
  })

  const CategoryKind = z.enum(['cityLead', 'cityParticipate', 'local', 'custom'])

  /** 事项类别, e.g. 牵头负责市级改革事项; nested through `parent` (一、 holds （一）). */
  const Category = z.strictObject({
    id: Id,
    label: Text,
    kind: CategoryKind.default('custom'),
    parent: Ref.optional().meta({
      description: 'Id of the category this one sits under: 一、 holds （一）, （一） holds items',
    }),
    count: z.int().nonnegative().optional().meta({
      description: 'Item count the plan declares, e.g. 共11项; checked against the items',
    }),
  })

  const Comparator = z.enum(['atLeast', 'exactly', 'atMost', 'range'])

  const KpiTarget = z.strictObject({
    comparator: Comparator,
    value: z.number().meta({
      description: 'Target value, normalised (320万 → 3200000); the lower bound of a range',
    }),
    upper: z.number().optional().meta({ description: 'Upper bound; required for range' }),
    approximate: z
      .boolean()
      .default(false)
      .meta({ description: '左右: met within the tolerance (config kpiTolerance, else 5 %)' }),
    tolerance: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'Share of the value an approximate target may miss by, e.g. 0.1' }),
    per: z.enum(['period', 'year']).default('period').meta({
      description: 'period: the target is for the whole plan; year: for each calendar year (每年)',
    }),
    written: Text.optional().meta({
      description: 'The target as the plan writes it, e.g. 320万名左右 (value holds the number)',
    }),
  })

  /** 量化目标. */
  const Kpi = z.strictObject({
    id: Id,
    measure: Text.meta({ description: 'What is counted, e.g. 新增高新技术企业' }),
    unit: Text.meta({ description: 'Unit of measure, e.g. 家, 个, 亿元, %' }),
    kind: z.enum(['count', 'amount', 'growth']).default('count').meta({
      description:
        'count (家、个、名) or amount (亿元、平方米): reported values; growth: a rate in % (增长6.5%) against baselineYear',
    }),
    target: KpiTarget,
    baseline: z.number().optional(),
    baselineYear: z
      .int()
      .optional()
      .meta({ description: 'Year a growth rate is measured against (比2015年增长…)' }),
    accumulation: z
      .enum(['sum', 'latest'])
      .default('sum')
      .meta({ description: 'sum: reported values add up; latest: the last report wins' }),
    note: Text.optional(),
  })

  /** 路线图/时间表/责任人: one step of an item's roadmap. */
  const Milestone = z.strictObject({
    id: Id,
    title: Text,
    due: IsoDate,
    ownerPerson: Text.optional().meta({ description: '责任人' }),
    ownerUnit: Ref.optional().meta({ description: 'Unit id' }),
  })

  /** 改革事项. */
  const Item = z.strictObject({
    id: Id,
    number: z.int().positive().meta({ description: '1-based ordinal in the plan: 1 → (一)' }),
    category: Ref,
    title: Text,
    text: Text.optional().meta({ description: 'Full text of the item as published' }),
    responsible: z.array(Ref).default([]).meta({
      description:
        'Unit or unit-group ids in the order the plan lists them; when empty, lead then support. An item that names no unit is accepted (an info finding).',
    }),
    lead: z
      .array(Ref)
      .optional()
      .meta({ description: 'Lead units (牵头), if the plan names them' }),
    support: z.array(Ref).optional().meta({ description: 'Supporting units (配合)' }),
    major: z.boolean().default(false).meta({ description: '重大改革项目' }),
    kpis: z.array(Kpi).default([]),
    milestones: z.array(Milestone).default([]),
  })

  /** 工作方案. */
  const Plan = z
    .strictObject({
      schema: z
        .string()
        .meta({ description: `File format tag: ${PLAN_SCHEMA_TAG}`, examples: [PLAN_SCHEMA_TAG] }),
      id: Id,
      title: Text,
      issuer: Text.optional(),
      issued: IsoDate.optional(),
      documentNumber: Text.optional().meta({ description: '文号' }),
      period: Period,
      locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
      basis: z.array(BasisDocument).default([]),
      framework: Framework.optional(),
      bodies: Bodies.default({}),
      units: z.array(Unit).min(1),
      unitGroups: z.array(UnitGroup).default([]),
      categories: z.array(Category).min(1),
      numbering: z.enum(['continuous', 'perCategory']).default('continuous').meta({
        description:
          'continuous: items numbered 1..n through the plan; perCategory: numbering restarts in each category',
      }),
      items: z.array(Item).min(1),
    })
    .meta({ title: 'reformkit plan', description: 'A reform work plan (改革工作方案)' })
  return {
    IsoDate,
    Id,
    Ref,
    Text,
    Period,
    BasisDocument,
    FrameworkList,
    Framework,
    Body,
    Bodies,
    UnitKind,
    Unit,
    UnitGroup,
    CategoryKind,
    Category,
    Comparator,
    KpiTarget,
    Kpi,
    Milestone,
    Item,
    Plan,
  }
}

/** The zod schemas of a plan file: `planSchemas().Plan`, `planSchemas().Item`, … */
export type PlanSchemas = ReturnType<typeof build>

let built: PlanSchemas | undefined

/**
 * The zod schemas of a plan file, built on the first call, not at import: building them
 * takes milliseconds that a run which never needs them (`reformkit --help`, a well-formed
 * plan, which parsePlan reads without them) should not pay.
 */
export function planSchemas(): PlanSchemas {
  built ??= build()
  return built
}

export type Period = z.infer<PlanSchemas['Period']>
export type BasisDocument = z.infer<PlanSchemas['BasisDocument']>
export type FrameworkList = z.infer<PlanSchemas['FrameworkList']>
/** 总体要求: the overall requirement and its named lists. */
export type Framework = z.infer<PlanSchemas['Framework']>
export type Body = z.infer<PlanSchemas['Body']>
/** The bodies that steer the plan: 区创改组, its office 区创新办, the superior 市创新办. */
export type Bodies = z.infer<PlanSchemas['Bodies']>
export type UnitKind = z.infer<PlanSchemas['UnitKind']>
/** 责任单位: a responsible unit. */
export type Unit = z.infer<PlanSchemas['Unit']>
/** A collective name standing for several units: 各园区 → every park. */
export type UnitGroup = z.infer<PlanSchemas['UnitGroup']>
export type CategoryKind = z.infer<PlanSchemas['CategoryKind']>
/** 事项类别, e.g. 牵头负责市级改革事项; nested through `parent`. */
export type Category = z.infer<PlanSchemas['Category']>
export type Comparator = z.infer<PlanSchemas['Comparator']>
export type KpiTarget = z.infer<PlanSchemas['KpiTarget']>
/** 量化目标: a numeric target of an item. */
export type Kpi = z.infer<PlanSchemas['Kpi']>
/** 路线图/时间表/责任人: one step of an item's roadmap. */
export type Milestone = z.infer<PlanSchemas['Milestone']>
/** 改革事项: one item of the plan. */
export type Item = z.infer<PlanSchemas['Item']>
/** 工作方案: a reform work plan, as parsePlan gives it (defaults applied). */
export type Plan = z.infer<PlanSchemas['Plan']>
/** A plan as written in a file, before defaults are applied. */
export type PlanInput = z.input<PlanSchemas['Plan']>
