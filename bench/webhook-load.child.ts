import autocannon from "autocannon";
import { serveParent } from "./child.js";

/**
 * The webhook benchmark's load generator, in its own process so its CPU is not spent on the
 * measured server's event loop. Every request takes the next body from one list shared by all
 * connections, so consecutive requests are notifications for different orders.
 */
export interface LoadRun {
  url: string;
  bodies: string[];
  connections: number;
  durationS: number;
  /** Requests per second across all connections; absent: as fast as the server answers. */
  rate?: number;
}

export interface LoadResult {
  total: number;
  durationS: number;
  reqPerS: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Bodies taken from the list (including up to one per connection in flight at the end). */
  bodiesTaken: number;
}

serveParent({
  run: async ({ url, bodies, connections, durationS, rate }: LoadRun): Promise<LoadResult> => {
    let next = 0;
    const result = await autocannon({
      url,
      connections,
      duration: durationS,
      timeout: 10,
      ...(rate === undefined ? {} : { overallRate: rate }),
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
        },
      ],
    });
    const total = result["2xx"] + result.non2xx;
    return {
      total,
      durationS: result.duration,
      reqPerS: total / result.duration,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bodiesTaken: next,
    };
  },
});
