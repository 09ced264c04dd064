import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../output/errors.js';
import { withExamples } from './help.js';

/**
 * One command of the tree: its subcommands, its options, the values of its options with choices
 * (e.g. `--status`, from the spec's enums) and its options that take a file or folder.
 */
type Node = {
  path: string[];
  subcommands: string[];
  options: string[];
  choices: Record<string, string[]>;
  files: string[];
  /** Options that take a value: the word after one is not a command. */
  valued: string[];
};

/** The hidden flag the scripts call for the profile names, one a line. */
const LIST_PROFILES = '--list-profiles';
/** What an option's value completes to: choices, the profile names, or files. */
type Values = string[] | '@profiles' | '@files';

function walk(command: Command, path: string[] = []): Node[] {
  const options = command.options.filter((o) => o.long && !o.hidden);
  const children = command.commands.filter((c) => c.name() !== 'help');
  const choices: Record<string, string[]> = {};
  for (const o of options) if (o.argChoices && o.long) choices[o.long] = o.argChoices;
  // Checked before parsing (program.ts), so not a commander choice.
  if (path.length === 0) choices['--lang'] = ['en', 'vi'];
  return [
    {
      path,
      subcommands: children.map((c) => c.name()),
      options: [...options.map((o) => o.long as string), '--help'],
      choices,
      files: options.filter((o) => /<(file|dir|path)/.test(o.flags)).map((o) => o.long as string),
      valued: options.filter((o) => o.required || o.optional).map((o) => o.long as string),
    },
    ...children.flatMap((c) => walk(c, [...path, c.name()])),
  ];
}

/**
 * Value completions keyed `path|flag` (that command's option) or `|flag` (the option anywhere: the
 * global ones, and file options, which take files wherever they are).
 */
function valueTable(nodes: Node[]): [string, Values][] {
  const table = new Map<string, Values>([['|--profile', '@profiles']]);
  for (const node of nodes) {
    for (const flag of node.files) table.set(`|${flag}`, '@files');
    for (const [flag, values] of Object.entries(node.choices)) {
      table.set(`${node.path.length === 0 ? '' : node.path.join(' ')}|${flag}`, values);
    }
  }
  // Command-specific keys first: the shells' case statements take the first match.
  return [...table].sort(([a], [b]) => Number(a.startsWith('|')) - Number(b.startsWith('|')));
}

const uniq = (words: string[]) => [...new Set(words)].join(' ');
/** A case pattern of every option that takes a value, anywhere in the tree. */
const valuedPattern = (nodes: Node[]) => [...new Set(nodes.flatMap((n) => n.valued))].join('|');
const words = (values: Values) => (typeof values === 'string' ? values : values.join(' '));
/** A bash/zsh case pattern: `"path|flag"`, or `*"|flag"` for any path. */
const pattern = (key: string) => (key.startsWith('|') ? `*"${key}"` : `"${key}"`);

function bash(nodes: Node[], globals: string[]): string {
  const commands = nodes
    .map(
      (n) =>
        `    "${n.path.join(' ')}") subs="${n.subcommands.join(' ')}"; opts="${uniq([...n.options, ...globals])}" ;;`,
    )
    .join('\n');
  const values = valueTable(nodes)
    .map(([key, v]) => `    ${pattern(key)}) values="${words(v)}" ;;`)
    .join('\n');
  return `# hdld bash completion: eval "$(hdld completion bash)"
_hdld() {
  local cur prev path="" w last="" subs="" opts="" values=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # The command path: the words that are neither options nor an option's value.
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$last" in ${valuedPattern(nodes)}) last=""; continue ;; esac
    last="$w"
    case "$w" in -*) ;; *) path="\${path:+$path }$w" ;; esac
  done
  # After an option that takes a value: its choices, the profile names, or files.
  case "$path|$prev" in
${values}
  esac
  case "$values" in
    "") ;;
    @profiles) COMPREPLY=( $(compgen -W "$(hdld completion ${LIST_PROFILES} 2>/dev/null)" -- "$cur") ); return ;;
    @files) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    *) COMPREPLY=( $(compgen -W "$values" -- "$cur") ); return ;;
  esac
  case "$path" in
${commands}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif [[ -n "$subs" ]]; then COMPREPLY=( $(compgen -W "$subs" -- "$cur") )
  else COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -o filenames -o default -F _hdld hdld
`;
}

function zsh(nodes: Node[], globals: string[]): string {
  const commands = nodes
    .map(
      (n) =>
        `    "${n.path.join(' ')}") subs=(${n.subcommands.join(' ')}); opts=(${uniq([...n.options, ...globals])}) ;;`,
    )
    .join('\n');
  const values = valueTable(nodes)
    .map(([key, v]) => `    ${pattern(key)}) values=(${words(v)}) ;;`)
    .join('\n');
  return `#compdef hdld
# hdld zsh completion: eval "$(hdld completion zsh)" (after compinit)
_hdld() {
  local cmdpath="" w last="" prev="\${words[CURRENT-1]}"
  local -a subs opts values
  for w in \${words[2,CURRENT-1]}; do
    case "$last" in ${valuedPattern(nodes)}) last=""; continue ;; esac
    last="$w"
    [[ $w == -* ]] || cmdpath="\${cmdpath:+$cmdpath }$w"
  done
  case "$cmdpath|$prev" in
${values}
  esac
  if (( \${#values} )); then
    case "$values" in
      @profiles) values=(\${(f)"$(hdld completion ${LIST_PROFILES} 2>/dev/null)"}); compadd -a values ;;
      @files) _files ;;
      *) compadd -a values ;;
    esac
    return
  fi
  case "$cmdpath" in
${commands}
  esac
  if [[ $PREFIX == -* ]]; then compadd -a opts
  elif (( \${#subs} )); then compadd -a subs
  else _files
  fi
}
compdef _hdld hdld
`;
}

function fish(nodes: Node[]): string {
  const lines = ['# hdld fish completion: hdld completion fish | source'];
  const table = new Map(valueTable(nodes));
  for (const node of nodes) {
    const condition =
      node.path.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${node.path[node.path.length - 1]}`;
    for (const sub of node.subcommands) lines.push(`complete -c hdld -f -n '${condition}' -a ${sub}`);
    for (const option of node.options) {
      const values = table.get(`${node.path.join(' ')}|${option}`) ?? table.get(`|${option}`);
      const value =
        values === '@files'
          ? ' -r -F'
          : values === '@profiles'
            ? ` -x -a '(hdld completion ${LIST_PROFILES})'`
            : values
              ? ` -x -a '${values.join(' ')}'`
              : '';
      lines.push(`complete -c hdld -n '${condition}' -l ${option.slice(2)}${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function powershell(nodes: Node[], globals: string[]): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const list = (items: string[]) => `@(${items.map(quote).join(', ')})`;
  const commands = nodes
    .map(
      (n) =>
        `  ${quote(n.path.join(' '))} = @{ subs = ${list(n.subcommands)}; opts = ${list([...new Set([...n.options, ...globals])])} }`,
    )
    .join('\n');
  const values = valueTable(nodes)
    .map(([key, v]) => `  ${quote(key)} = ${typeof v === 'string' ? quote(v) : list(v)}`)
    .join('\n');
  return `# hdld PowerShell completion: hdld completion powershell | Out-String | Invoke-Expression
$hdldCommands = @{
${commands}
}
$hdldValues = @{
${values}
}
Register-ArgumentCompleter -Native -CommandName hdld -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $elements = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $elements.Count -gt 0) { $elements = @($elements | Select-Object -SkipLast 1) }
  $path = ($elements | Where-Object { -not $_.StartsWith('-') }) -join ' '
  $prev = if ($elements.Count -gt 0) { $elements[-1] } else { '' }
  $values = $hdldValues["$path|$prev"]
  if ($null -eq $values) { $values = $hdldValues["|$prev"] }
  if ($values -eq '@files') { return }
  if ($values -eq '@profiles') { $values = @(hdld completion ${LIST_PROFILES} 2>$null) }
  if ($null -eq $values) {
    $node = $hdldCommands[$path]
    if ($null -eq $node) { return }
    $values = if ($wordToComplete.StartsWith('-') -or $node.subs.Count -eq 0) { $node.opts } else { $node.subs }
  }
  $values | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

/**
 * `hdld completion bash|zsh|fish|powershell`: the completion script on stdout, generated from the
 * command tree: commands, options, option values with choices, profile names and file paths.
 */
export function registerCompletionCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('completion')
      .description('print the shell completion script for bash, zsh, fish or PowerShell')
      .argument('[shell]', 'bash, zsh, fish or powershell')
      .addOption(new Option(LIST_PROFILES, 'print the profile names (for the scripts)').hideHelp()),
    [
      'eval "$(hdld completion bash)"',
      'hdld completion zsh > ~/.zfunc/_hdld',
      'hdld completion fish | source',
      'hdld completion powershell | Out-String | Invoke-Expression',
    ],
  ).action(async (shell: string | undefined, flags: { listProfiles?: boolean }) => {
    if (flags.listProfiles) {
      const names = (await ctx.profiles()).list().map(([name]) => name);
      if (names.length) ctx.term.out(names.join('\n'));
      return;
    }
    const nodes = walk(program);
    // Global options are valid after any command.
    const globals = nodes[0]?.options ?? [];
    const scripts: Record<string, () => string> = {
      bash: () => bash(nodes, globals),
      zsh: () => zsh(nodes, globals),
      fish: () => fish(nodes),
      powershell: () => powershell(nodes, globals),
    };
    const script = shell === undefined ? undefined : scripts[shell];
    if (!script) throw new UsageError(`unknown shell "${shell ?? ''}": use bash, zsh, fish or powershell`);
    ctx.term.write(script());
  });
}
