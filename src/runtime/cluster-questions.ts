// Questions one worker of --workers asks all of them, through the primary, over the cluster's IPC channel:
// what only a process's memory holds (the request history's ring) is gathered from every worker, so that
// an admin route answers the same whichever worker serves it.
import cluster from "node:cluster";

interface Ask {
  imagelite: "ask";
  id: number;
  question: unknown;
}
interface Question {
  imagelite: "question";
  id: string;
  question: unknown;
}
interface Answer {
  imagelite: "answer";
  id: string;
  answer: unknown;
}
interface Answers {
  imagelite: "answers";
  id: number;
  answers: unknown[];
}
type Message = Ask | Question | Answer | Answers;

const kind = (m: unknown): string | undefined => (m as { imagelite?: string } | null)?.imagelite;

/** How long the primary waits for a worker's answer (one busy with a long call, one dying) before it leaves it out. */
const ANSWER_MS = 2000;

/** In the primary: relays each worker's question to every worker and returns the answers that came. */
export function relayQuestions(): void {
  let next = 0;
  cluster.on("message", (from, m: Message) => {
    if (kind(m) !== "ask") return;
    const ask = m as Ask;
    const id = `q${++next}`;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
    const answers: unknown[] = [];
    let waiting = workers.length;
    const done = () => {
      cluster.off("message", collect);
      clearTimeout(timer);
      if (from.isConnected()) from.send({ imagelite: "answers", id: ask.id, answers } satisfies Answers);
    };
    const collect = (_w: unknown, a: Message) => {
      if (kind(a) !== "answer" || (a as Answer).id !== id) return;
      answers.push((a as Answer).answer);
      if (--waiting === 0) done();
    };
    const timer = setTimeout(done, ANSWER_MS);
    cluster.on("message", collect);
    for (const w of workers) w!.send({ imagelite: "question", id, question: ask.question } satisfies Question);
    if (waiting === 0) done();
  });
}

/** In a worker: answers the questions the primary relays. */
export function answerQuestions(answer: (question: unknown) => unknown): void {
  process.on("message", (m: Message) => {
    if (kind(m) !== "question") return;
    const q = m as Question;
    let a: unknown = null;
    try {
      a = answer(q.question);
    } catch {
      /* a question this worker cannot answer counts as no answer */
    }
    process.send?.({ imagelite: "answer", id: q.id, answer: a } satisfies Answer);
  });
}

let asked = 0;
const pending = new Map<number, (answers: unknown[]) => void>();

/** In a worker: asks every worker (itself included); resolves with their answers. */
export function askAllWorkers(question: unknown): Promise<unknown[]> {
  if (pending.size === 0 && asked === 0) {
    process.on("message", (m: Message) => {
      if (kind(m) !== "answers") return;
      const a = m as Answers;
      pending.get(a.id)?.(a.answers);
      pending.delete(a.id);
    });
  }
  const id = ++asked;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    process.send?.({ imagelite: "ask", id, question } satisfies Ask);
  });
}
