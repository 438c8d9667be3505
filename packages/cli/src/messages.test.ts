import { describe, expect, it } from 'vitest'
import { cliMessages } from './messages.js'

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('the CLI message catalogue', () => {
  it.each(Object.entries(cliMessages))('%s: both languages, the same placeholders', (_, m) => {
    expect(m.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(m.en).toMatch(/[a-z]/)
    expect(placeholders(m.en)).toEqual(placeholders(m.zh))
  })
})
