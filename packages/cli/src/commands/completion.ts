import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../output/errors.js';
import { withExamples } from './help.js';

type Node = { path: string[]; subcommands: string[]; options: string[] };

/** Flattens the command tree: every command path with its subcommands and options. */
function walk(command: Command, path: string[] = []): Node[] {
  const options = command.options.map((o) => o.long).filter((o): o is string => Boolean(o));
  const children = command.commands.filter((c) => c.name() !== 'help');
  return [
    { path, subcommands: children.map((c) => c.name()), options: [...options, '--help'] },
    ...children.flatMap((c) => walk(c, [...path, c.name()])),
  ];
}

function bash(nodes: Node[], globals: string[]): string {
  const cases = nodes
    .map(
      (n) =>
        `    "${n.path.join(' ')}") words="${[...new Set([...n.subcommands, ...n.options, ...globals])].join(' ')}" ;;`,
    )
    .join('\n');
  return `# hdld bash completion: eval "$(hdld completion bash)"
_hdld() {
  local cur path="" w words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for w in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$w" in -*) ;; *) path="\${path:+$path }$w" ;; esac
  done
  case "$path" in
${cases}
    *) words="" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _hdld hdld
`;
}

function zsh(nodes: Node[], globals: string[]): string {
  const cases = nodes
    .map(
      (n) =>
        `    "${n.path.join(' ')}") candidates=(${[...new Set([...n.subcommands, ...n.options, ...globals])].join(' ')}) ;;`,
    )
    .join('\n');
  return `#compdef hdld
# hdld zsh completion: eval "$(hdld completion zsh)" (after compinit)
_hdld() {
  local cmdpath="" w
  local -a candidates
  for w in \${words[2,CURRENT-1]}; do
    [[ $w == -* ]] || cmdpath="\${cmdpath:+$cmdpath }$w"
  done
  case "$cmdpath" in
${cases}
    *) candidates=() ;;
  esac
  compadd -a candidates || _files
}
compdef _hdld hdld
`;
}

function fish(nodes: Node[]): string {
  const lines = ['# hdld fish completion: hdld completion fish | source', 'complete -c hdld -f'];
  for (const node of nodes) {
    const condition =
      node.path.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${node.path[node.path.length - 1]}`;
    for (const sub of node.subcommands) lines.push(`complete -c hdld -n '${condition}' -a ${sub}`);
    for (const option of node.options) lines.push(`complete -c hdld -n '${condition}' -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `hdld completion bash|zsh|fish`: the completion script on stdout, generated from the command tree. */
export function registerCompletionCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('completion')
      .description('print the shell completion script for bash, zsh or fish')
      .argument('<shell>', 'bash, zsh or fish'),
    [
      'eval "$(hdld completion bash)"',
      'hdld completion zsh > ~/.zfunc/_hdld',
      'hdld completion fish | source',
    ],
  ).action((shell: string) => {
    const nodes = walk(program);
    // Global options are valid after any command.
    const globals = nodes[0]?.options ?? [];
    const scripts: Record<string, () => string> = {
      bash: () => bash(nodes, globals),
      zsh: () => zsh(nodes, globals),
      fish: () => fish(nodes),
    };
    const script = scripts[shell];
    if (!script) throw new UsageError(`unknown shell "${shell}": use bash, zsh or fish`);
    ctx.term.write(script());
  });
}
