import { type Locale, pick } from '@reformkit/model'
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { lightColours, type ReportModel } from '../reports/model.js'
import { cellText, subtitle } from './text.js'
import { reportDate, reproducibleZip } from './zip.js'

/** Millimetres to twentieths of a point (the unit of page geometry in WordprocessingML). */
const mm = (value: number) => Math.round((value * 1440) / 25.4)
/** Chinese type sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt. */
const size = { er: 44, san: 32, si: 28, wu: 21 } as const

// GB/T 9704-2012 fonts. Word and WPS substitute 仿宋 / 楷体 where the _GB2312 fonts are not
// installed; Latin text and digits use Times New Roman.
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
})
const fonts = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  h1: font('黑体'),
  h2: font('楷体_GB2312'),
  page: font('宋体'),
}

/**
 * DOCX in the layout of Chinese official documents (GB/T 9704-2012): A4, margins top
 * 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号, body in
 * 仿宋_GB2312 三号 with a two-character first-line indent, first-level headings 黑体,
 * second-level 楷体; page numbers "— 1 —" in 宋体 四号, right on odd pages and left on
 * even ones. Tables use 五号 so that a row fits the type area.
 */
export async function renderDocx(model: ReportModel, locale: Locale): Promise<Uint8Array> {
  const date = reportDate(model.asOf)
  const body = (text: string) =>
    new Paragraph({
      indent: { firstLine: size.san * 20 },
      spacing: { line: 560, lineRule: 'exact' },
      children: [new TextRun({ text, font: fonts.body, size: size.san })],
    })
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [
        new TextRun({ text: pick(model.title, locale), font: fonts.title, size: size.er }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: subtitle(model, locale), font: fonts.h2, size: size.san })],
    }),
    ...model.summary.map((p) => body(pick(p, locale))),
  ]
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        indent: { firstLine: size.san * 20 },
        spacing: { before: 200, line: 560, lineRule: 'exact' },
        keepNext: true,
        children: [
          new TextRun({
            text: pick(section.heading, locale),
            font: section.level === 1 ? fonts.h1 : fonts.h2,
            size: size.san,
          }),
        ],
      }),
      ...section.paragraphs.map((p) => body(pick(p, locale))),
    )
    if (section.table)
      children.push(docxTable(section.table, locale), new Paragraph({ children: [] }))
  }
  const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          indent:
            alignment === AlignmentType.RIGHT ? { right: size.si * 20 } : { left: size.si * 20 },
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: fonts.page,
              size: size.si,
            }),
          ],
        }),
      ],
    })
  const document = new Document({
    creator: 'reformkit',
    lastModifiedBy: 'reformkit',
    title: `${pick(model.title, locale)} · ${model.plan.title}`,
    subject: model.plan.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fonts.body, size: size.san } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  })
  const bytes = await Packer.toArrayBuffer(document)
  return reproducibleZip(new Uint8Array(bytes), date)
}

function docxTable(
  table: NonNullable<ReportModel['sections'][number]['table']>,
  locale: Locale,
): Table {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0)
  const typeArea = mm(210 - 28 - 26)
  const widths = table.columns.map((c) => Math.round((c.width / total) * typeArea))
  const cell = (
    text: string,
    width: number,
    options: { bold?: boolean; fill?: string; right?: boolean } = {},
  ) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(options.fill
        ? { shading: { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } }
        : {}),
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [
              new TextRun({
                text: line,
                font: options.bold ? fonts.h1 : fonts.body,
                size: size.wu,
              }),
            ],
          }),
      ),
    })
  return new Table({
    width: { size: typeArea, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: table.columns.map((c, i) =>
          cell(pick(c.label, locale), widths[i] ?? 0, { bold: true, fill: 'EEF1F4' }),
        ),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: table.columns.map((c, i) => {
              const value = row[c.key] ?? null
              const fill =
                value !== null && typeof value === 'object' && 'light' in value
                  ? lightColours[value.light]
                  : undefined
              return cell(cellText(value, c, locale), widths[i] ?? 0, {
                ...(fill ? { fill } : {}),
                right: c.type === 'number' || c.type === 'percent',
              })
            }),
          }),
      ),
    ],
  })
}
