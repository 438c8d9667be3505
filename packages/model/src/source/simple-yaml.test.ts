import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, stringify } from 'yaml'
import type { JsonNode } from './json.js'
import { readSimpleYaml } from './simple-yaml.js'
import { parseSource } from './source.js'

const examples = new URL('../../../../examples/', import.meta.url).pathname

/** What the `yaml` package makes of `text`: its data, or undefined when it complains. */
function full(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true })
  if (doc.errors.length > 0 || doc.warnings.length > 0 || doc.contents === null) return undefined
  return { data: doc.toJS() }
}

/** How many texts the quick road read (the rest it declined), for the properties' counts. */
let read = 0
/** How many of them it also placed. */
let placed = 0

/** [start, end) of every value and key, by path: what `yaml` says and what the quick road says. */
function rangesOf(node: Node | null, path = '', out = new Map<string, string>()) {
  if (!node) return out
  out.set(path, `${node.range?.[0]}-${node.range?.[1]}`)
  if (isMap(node))
    for (const pair of node.items) {
      const key = pair.key as Node
      const name = `${path}/${isScalar(key) ? String(key.value) : '?'}`
      out.set(`${name}:key`, `${key.range?.[0]}-${key.range?.[1]}`)
      rangesOf(pair.value as Node | null, name, out)
    }
  else if (isSeq(node))
    for (const [i, item] of node.items.entries()) rangesOf(item as Node, `${path}/${i}`, out)
  return out
}
function placesOf(node: JsonNode, path = '', out = new Map<string, string>()) {
  out.set(path, `${node.start}-${node.end}`)
  for (const [key, { start, end, value }] of node.keys ?? []) {
    out.set(`${path}/${key}:key`, `${start}-${end}`)
    placesOf(value, `${path}/${key}`, out)
  }
  for (const [i, item] of (node.items ?? []).entries()) placesOf(item, `${path}/${i}`, out)
  return out
}

/** The quick road agrees with the full one, or declines. */
function agrees(text: string): boolean {
  const quick = readSimpleYaml(text)
  if (quick === undefined) return true
  read++
  const reference = full(text)
  expect(reference, `the yaml package refuses what the quick road read:\n${text}`).toBeDefined()
  expect(quick.data).toEqual(reference?.data)
  // Where each item of a top-level list starts: where the yaml package says it does.
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  for (const [key, starts] of quick.items) {
    const list = doc.get(key, true) as { items: Array<{ range?: number[] }> }
    const expected = list.items.map((item) => {
      const { line, col } = lines.linePos(item.range?.[0] ?? 0)
      return { line, column: col }
    })
    expect(starts).toEqual(expected)
  }
  // Where every value and key is: where the yaml package says it is.
  const root = readSimpleYaml(text, 64, true)?.root
  if (root) {
    placed++
    expect(placesOf(root), text).toEqual(rangesOf(doc.contents as Node))
  }
  return true
}

describe('the quick road for plain block YAML', () => {
  it('reads every example file, as the yaml package does', () => {
    const files: string[] = []
    for (const example of readdirSync(examples)) {
      const dir = join(examples, example)
      for (const name of readdirSync(dir)) if (name.endsWith('.yaml')) files.push(join(dir, name))
      for (const name of readdirSync(join(dir, 'ledger'))) files.push(join(dir, 'ledger', name))
    }
    expect(files.length).toBeGreaterThan(20)
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      expect(readSimpleYaml(text), file).toBeDefined()
      agrees(text)
    }
  })

  const key = fc.stringMatching(/^[a-z_][a-zA-Z0-9_-]{0,8}$/)
  // Mostly what ledgers hold (words, Chinese text, numbers), now and then anything at all.
  const nice = fc.oneof(
    fc.stringMatching(/^[a-z][a-z0-9 ./-]{0,10}$/),
    fc.constantFrom('调研报告', '开发区海关台账', '武开改〔2017〕3号', '第一季度', '2017-06-30'),
    fc.integer({ min: -1000, max: 100000 }),
  )
  const scalar = fc.oneof(
    { arbitrary: nice, weight: 12 },
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '',
      ' lead',
      'trail ',
      'a #b',
      'a: b',
      'x:',
      '- a',
      '#c',
      '00123',
      '1e3',
      '.5',
      '0x1F',
      '0o17',
      '.inf',
      '-.Inf',
      '.nan',
      'null',
      'Null',
      '~',
      'TRUE',
      'yes',
      '2017-06-30',
      '武开改〔2017〕3号',
      "it's",
      'say "hi"',
      '\\',
      'tab\there',
      '\u3000',
      '全角\u3000',
      '\u00a0',
      '\u2028',
      '\u0085',
      '\ufeffbom',
      'line\nbreak',
      'http://x.cn/a?b=1',
      '[x]',
      '{y}',
      '&a',
      '*b',
      '!t',
      '|',
      '>',
      '%',
      '@',
      '`',
    ),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  )
  const data = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  }))
  const options = fc.record({
    lineWidth: fc.constantFrom(0, 20, 80),
    collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<
      'any' | 'block' | 'flow'
    >,
    blockQuote: fc.constantFrom(true, false, 'literal', 'folded') as fc.Arbitrary<
      boolean | 'literal' | 'folded'
    >,
    indentSeq: fc.boolean(),
    indent: fc.constantFrom(2, 4),
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<
      'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'
    >,
  })

  it('agrees with the yaml package on what yaml.stringify writes (property)', () => {
    read = 0
    fc.assert(
      fc.property(data.map, options, (value, how) => agrees(stringify(value, how))),
      { numRuns: 400 },
    )
    // Folded lines, flow collections over lines and YAML escapes are declined; the rest
    // is read — not a property that holds by declining everything.
    expect(read).toBeGreaterThan(20)
    read = 0
    fc.assert(
      fc.property(data.map, (value) => agrees(stringify(value, { lineWidth: 0 }))),
      { numRuns: 300 },
    )
    expect(read).toBeGreaterThan(150)
  })

  it('takes the quick road for ledgers as reformkit writes them (property)', () => {
    const entry = fc.record({
      id: key,
      title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      date: fc.constantFrom('2017-06-30', '2017-12-01'),
      attachments: fc.array(fc.record({ path: fc.constant('files/a.pdf'), bytes: fc.nat() }), {
        maxLength: 2,
      }),
    })
    read = 0
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const text = stringify({ schema: 'reformkit/ledger@1', entries }, { lineWidth: 0 })
        agrees(text)
        // Titles with `: ` or a leading indicator are quoted by stringify, so all of it is
        // plain block YAML; only a title stringify writes over two lines is not.
        return true
      }),
      { numRuns: 200 },
    )
    expect(read).toBeGreaterThan(150)
  })

  it('agrees with the yaml package on arbitrary YAML-like lines (property)', () => {
    const line = fc
      .tuple(
        fc.constantFrom('', '', '', '  ', '  ', '    ', ' ', '\t'),
        fc.constantFrom('', '', '- ', '- ', '-', '- - ', '? '),
        fc.constantFrom('a: ', 'b: ', 'c:', 'id: ', 'a:', '"q":', 'x :', '__proto__:', 'true:'),
        fc.oneof(
          { arbitrary: scalar.map(String), weight: 6 },
          fc.constantFrom('[a, b]', '{ k: v }', '[]', '|', '>-', '"x"', "'y'"),
          fc.string({ maxLength: 6 }),
        ),
        fc.constantFrom('', '', '', ' # c', '#', ' ', '\r'),
      )
      .map((parts) => parts.join(''))
    const remark = fc.constantFrom('', '#', '  # c', '    #', ' # c')
    read = 0
    placed = 0
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: line, weight: 4 }, remark), { minLength: 1, maxLength: 6 }),
        (lines) => agrees(lines.join('\n')),
      ),
      { numRuns: Number(process.env.YAML_PROPERTY_RUNS ?? 1500) },
    )
    expect(read).toBeGreaterThan(25)
    expect(placed).toBeGreaterThan(20)
  })

  it('places values and keys as the yaml package does, with comment lines anywhere (property)', () => {
    // What a person does to a file: a comment line or a blank line here and there, at any indent.
    const remark = fc.tuple(
      fc.nat(),
      fc.constantFrom('', '#', '# note', '#注'),
      fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 8),
    )
    read = 0
    placed = 0
    fc.assert(
      fc.property(data.map, fc.array(remark, { maxLength: 5 }), (value, remarks) => {
        const lines = stringify(value, { lineWidth: 0, collectionStyle: 'block' }).split('\n')
        for (const [at, text, indent] of remarks)
          lines.splice(at % (lines.length + 1), 0, text && `${' '.repeat(indent)}${text}`)
        return agrees(lines.join('\n'))
      }),
      { numRuns: Number(process.env.YAML_PROPERTY_RUNS ?? 500) },
    )
    expect(read).toBeGreaterThan(150)
    expect(placed).toBeGreaterThan(150)
  })

  it('declines, without throwing, what is nested too deep or not YAML at all', () => {
    const deep = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')
    expect(readSimpleYaml(deep)).toBeUndefined()
    expect(readSimpleYaml('')).toBeUndefined()
    expect(readSimpleYaml('# only a comment\n')).toBeUndefined()
    expect(readSimpleYaml('---\na: 1')).toBeUndefined()
    expect(readSimpleYaml('a: &x 1\nb: *x')).toBeUndefined()
    expect(readSimpleYaml('a: 1\na: 2')).toBeUndefined()
    expect(readSimpleYaml('__proto__: 1')).toBeUndefined()
  })
})

describe('parseSource on the quick road, small files placed as read and large ones later', () => {
  const entry = (i: number) =>
    `  - id: e${i}\n    item: i1\n    title: 进展材料${i}\n    attachments:\n      - path: files/e${i}.pdf\n`
  const ledger = (n: number) =>
    `schema: reformkit/ledger@1\nentries:\n${Array.from({ length: n }, (_, i) => entry(i)).join('')}`

  it('locates the same values either way', () => {
    const small = ledger(20)
    const large = ledger(2000)
    expect(small.length).toBeLessThan(64 * 1024)
    expect(large.length).toBeGreaterThan(64 * 1024)
    const paths: PropertyKey[][] = [
      ['entries', 3, 'title'],
      ['entries', 7, 'attachments', 0, 'path'],
      ['entries', 19],
      ['schema'],
    ]
    const a = parseSource(small, { filename: 'a.yaml' })
    const b = parseSource(large, { filename: 'a.yaml' })
    for (const path of paths) {
      expect(a.locate(path)).toEqual(b.locate(path))
      expect(a.position?.(path)).toEqual(b.position?.(path))
    }
    // entries[3].title is on line 3 + 3 × 5 + 2 (its entry's third line), after "    title: ".
    expect(a.locate(['entries', 3, 'title'])).toMatchObject({ line: 20, column: 12 })
    expect(a.locate(['entries', 7, 'attachments', 0, 'path'], 'key')).toMatchObject({ line: 42 })
  })
})
