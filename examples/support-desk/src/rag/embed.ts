import OpenAI from 'openai';
import { EMBEDDING_MODEL } from '../config.js';
import type { Article } from '../types.js';

const openai = new OpenAI();

interface IndexedArticle {
  article: Article;
  vector: number[];
}

const index: IndexedArticle[] = [];

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb) || 1);
}

export async function indexArticles(articles: Article[]): Promise<void> {
  const res = await openai.embeddings.create({
    model: EMBEDDING_MODEL,
    input: articles.map((a) => `${a.title}\n\n${a.body}`),
  });
  res.data.forEach((d, i) => {
    const article = articles[i];
    if (article) index.push({ article, vector: d.embedding });
  });
}

export async function searchArticles(query: string, limit = 4): Promise<Article[]> {
  const res = await openai.embeddings.create({ model: EMBEDDING_MODEL, input: query });
  const vector = res.data[0]?.embedding ?? [];
  return index
    .map((entry) => ({ entry, score: cosine(entry.vector, vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ entry }) => entry.article);
}
