import { describe, expect, it } from 'vitest';
import { sectionRecords } from '../../../src/lib/search/section-records.ts';

const page = `<!doctype html><html lang="en"><body>
<nav>Home · Topics</nav>
<article class="note" data-pagefind-body>
  <header>
    <nav aria-label="Breadcrumbs">Home</nav>
    <h1 data-pagefind-meta="title">Amazon EKS</h1>
    <p class="note-description">Managed Kubernetes on AWS.</p>
    <a data-pagefind-filter="topic">Containers</a>
    <ul><li data-pagefind-filter="tag">eks</li><li data-pagefind-filter="tag">fargate</li></ul>
    <div data-pagefind-ignore="all">Progress: 0 of 3</div>
  </header>
  <search-highlight hidden><button>Clear highlights</button></search-highlight>
  <div class="note-body">
    <p>Intro text before any heading.</p>
    <div class="heading-wrapper"><h2 id="node-types">Node types</h2><a data-pagefind-ignore="all">#</a></div>
    <div class="heading-wrapper"><h3 id="compared">Compared</h3></div>
    <table><tr><th>Aspect</th><th>Self-managed nodes</th></tr><tr><td>Spot</td><td>Yes</td></tr></table>
    <h2 id="storage">Storage</h2>
    <p>Use <strong><code>EFS</code> for shared volumes</strong>. <b>EFS</b> again.</p>
    <pre><code>kind: PersistentVolumeClaim</code></pre>
    <div class="term-tips" hidden data-pagefind-ignore="all"><span role="tooltip">EFS: a file system</span></div>
  </div>
  <footer data-pagefind-ignore="all">Sources</footer>
</article></body></html>`;

describe('section records', () => {
  const records = sectionRecords(page, '/notes/eks/');

  it('makes one record for the introduction and one per heading, with the note and its filters', () => {
    expect(records.map((record) => [record.url, record.meta.title])).toEqual([
      ['/notes/eks/', 'Amazon EKS'],
      ['/notes/eks/#node-types', 'Node types'],
      ['/notes/eks/#compared', 'Compared'],
      ['/notes/eks/#storage', 'Storage'],
    ]);
    expect(records[1]!.meta).toEqual({
      title: 'Node types',
      note: 'Amazon EKS',
      tags: 'eks fargate',
      key: '',
    });
    expect(records[3]!.filters).toEqual({ topic: ['Containers'], tag: ['eks', 'fargate'], kind: ['section'] });
    expect(records[0]!.filters.kind).toEqual(['note']);
  });

  it('indexes the description and the text before the first heading as the introduction', () => {
    expect(records[0]!.content).toBe('Managed Kubernetes on AWS. Intro text before any heading.');
  });

  it('keeps a boundary between table cells and between blocks', () => {
    expect(records[2]!.content).toBe('Aspect · Self-managed nodes · Spot · Yes');
    expect(records[3]!.content).toBe('Use EFS for shared volumes. EFS again. kind: PersistentVolumeClaim');
  });

  it('keeps the phrases the author set off, table headers and bold text, once each, and nothing else in the meta', () => {
    expect(records[2]!.meta.key).toBe('aspect | self-managed nodes');
    expect(records[3]!.meta.key).toBe('efs shared volumes | efs');
    // What a section does is worked out from its heading where results are shown, not indexed as a word.
    expect(Object.keys(records[3]!.meta).sort()).toEqual(['key', 'note', 'tags', 'title']);
  });

  it('finds a heading with no text of its own by its subsections', () => {
    expect(records[1]!.content).toBe('Compared');
  });

  it('leaves out ignored, hidden and control text', () => {
    const all = records.map((record) => record.content).join(' ');
    for (const text of ['Progress', 'Clear highlights', 'a file system', 'Sources', 'Topics', '#'])
      expect(all).not.toContain(text);
  });

  it('gives nothing for a page without a search region', () => {
    expect(sectionRecords('<html><body><h1>Home</h1></body></html>', '/')).toEqual([]);
  });
});
