// `reformkit` — kept to a few lines so that `--version` answers before anything loads, and
// CommonJS: an ES module as the entry costs Node's ES module loader, some 10 ms a start.
declare const __REFORMKIT_VERSION__: string

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  require('node:fs').writeSync(1, `${__REFORMKIT_VERSION__}\n`)
} else {
  // The CLI writes through its file descriptors (stdio.ts). Should anything make a stream
  // of stdout or stderr (a library, the prompts of init), a reader that left (`reformkit
  // rules | head`, EPIPE) ends the process quietly, as Unix tools do. The streams are not
  // made here to say so: making them costs ~10 ms of every start.
  for (const name of ['stdout', 'stderr'] as const) {
    const made = Object.getOwnPropertyDescriptor(process, name)?.get
    if (made)
      Object.defineProperty(process, name, {
        configurable: true,
        enumerable: true,
        get() {
          const stream = made.call(process) as NodeJS.WriteStream
          Object.defineProperty(process, name, {
            configurable: true,
            enumerable: true,
            value: stream,
          })
          stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPIPE') throw error
            process.exit(process.exitCode ?? 0)
          })
          return stream
        },
      })
  }
  // The commands, from the code compiled on the last run when there is some.
  const { commandOf, loadScript } =
    require('./compile-cache.js') as typeof import('./compile-cache.js')
  const commands = loadScript<typeof import('./main.js')>(
    require('node:path').join(__dirname, 'cli.cjs'),
    commandOf(process.argv),
  )
  commands.exports.main(process.argv, __REFORMKIT_VERSION__).then((code) => {
    process.exitCode = code
    commands.save()
  })
}
