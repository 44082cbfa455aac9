/** A conversation as a Markdown document (questions, answers, tool steps, actions). */
import type { ChatConversation, ChatMarkdownExport } from '../../../shared/contract/chat';

function fence(text: string): string {
  return text.replace(/```/g, '`\u200b``');
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'conversation'
  );
}

export function conversationMarkdown(c: ChatConversation): ChatMarkdownExport {
  const names = new Map(c.samples.map((s) => [s.id, s]));
  const lines: string[] = [
    `# ${c.info.title}`,
    '',
    `_Started ${new Date(c.info.createdAt).toISOString()} · cost $${c.info.costUsd.toFixed(4)}_`,
    '',
  ];
  for (const m of c.messages) {
    if (m.role === 'user') {
      lines.push('## You', '', m.content, '');
    } else if (m.role === 'assistant') {
      const who = m.provider ? ` (${m.provider}${m.model ? ` · ${m.model}` : ''})` : '';
      if (m.content.trim()) lines.push(`## Assistant${who}`, '', m.content, '');
      for (const call of m.toolCalls)
        lines.push(`> tool \`${call.name}\` \`${fence(call.arguments)}\``, '');
      const refs = m.sampleIds.flatMap((id) => {
        const s = names.get(id);
        return s ? [`- ${s.name}${s.dir ? ` — ${s.dir}` : ''} (#${s.id})`] : [];
      });
      if (refs.length > 0) lines.push('Samples:', '', ...refs, '');
    }
  }
  if (c.actions.length > 0) {
    lines.push('## Proposed changes', '');
    for (const a of c.actions) lines.push(`- ${a.summary} — **${a.state}**`);
    lines.push('');
  }
  return { filename: `${slug(c.info.title)}.md`, markdown: lines.join('\n') };
}
