// Commander's own messages — a mistyped option, a missing argument, a value it does not
// take — in the user's language: it writes them in English only. What it does not say in
// these words (a new commander's new message) stays as it wrote it.
import type { Locale } from '@reformkit/model'

const ZH: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown option '(.+?)'/m, '错误:没有选项 $1'],
  [/^error: unknown command '(.+?)'/m, '错误:没有命令 $1'],
  [/^error: missing required argument '(.+?)'/m, '错误:缺少参数 <$1>'],
  [
    /^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./m,
    '错误:$1 只接受 $2 个参数,实际给了 $3 个',
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m,
    '错误:只接受 $1 个参数,实际给了 $2 个',
  ],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\.$/m,
    '错误:选项 $1 不能取“$2”,可选:$3',
  ],
  [
    /^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\. Allowed choices are (.+)\.$/m,
    '错误:参数 <$2> 不能取“$1”,可选:$3',
  ],
  [/^error: required option '(.+?)' not specified/m, '错误:缺少必需的选项 $1'],
  [/^error: option '(.+?)' argument missing/m, '错误:选项 $1 缺少取值'],
  [/^\(Did you mean one of (.+)\?\)$/m, '(是否应为以下之一:$1?)'],
  [/^\(Did you mean (.+)\?\)$/m, '(是否应为 $1?)'],
]

/** A message commander writes, in `locale`. */
export function usageError(text: string, locale: Locale): string {
  if (locale === 'en') return text
  let said = text
  for (const [english, chinese] of ZH) said = said.replace(english, chinese)
  return said
}
