// Confirmation latencies in fixed log-linear buckets (the HdrHistogram idea):
// recording is a few integer operations and no allocation, memory is fixed
// however long a fleet streams, and percentiles stay within 0.2 % of the
// true sample. Values are kept in whole microseconds: below 512 µs each
// microsecond has its own bucket; above, every power-of-two range is split
// into 256 equal buckets (width ≤ 1/256 of the value), and a percentile is
// reported as its bucket's midpoint. The minimum and maximum are exact.

/** Sub-buckets per power of two, as a bit count (256). */
const SUB_BITS = 8;
const SUB = 1 << SUB_BITS;
/** Values below this many µs are counted exactly (one bucket each). */
const LINEAR = SUB * 2;
/** Largest value kept apart from the last bucket: 2^31 µs ≈ 36 min. */
const TOP_EXPONENT = 31;
const BUCKETS = LINEAR + (TOP_EXPONENT - SUB_BITS) * SUB;

/** Bucket of a non-negative integer number of microseconds. */
function bucketOf(us: number): number {
  if (us < LINEAR) return us;
  if (us >= 2 ** TOP_EXPONENT) return BUCKETS - 1;
  const exponent = 31 - Math.clz32(us); // ≥ SUB_BITS + 1
  const sub = (us >>> (exponent - SUB_BITS)) - SUB; // 0..255
  return LINEAR + (exponent - SUB_BITS - 1) * SUB + sub;
}

/** Midpoint of a bucket, in µs. */
function midpointOf(bucket: number): number {
  if (bucket < LINEAR) return bucket;
  const exponent = Math.floor((bucket - LINEAR) / SUB) + SUB_BITS + 1;
  const sub = (bucket - LINEAR) % SUB;
  const width = 2 ** (exponent - SUB_BITS);
  return (SUB + sub) * width + width / 2;
}

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private minUs = Number.POSITIVE_INFINITY;
  private maxUs = 0;

  get count(): number {
    return this.total;
  }

  /** Records one latency in milliseconds (negative counts as 0). */
  record(ms: number): void {
    const us = ms > 0 ? Math.round(ms * 1000) : 0;
    this.counts[bucketOf(us)]!++;
    this.total++;
    if (us > this.maxUs) this.maxUs = us;
    if (us < this.minUs) this.minUs = us;
  }

  /**
   * The sample at rank ⌊p·n⌋ of the sorted samples (p = 1: the maximum), in
   * ms; 0 when empty. Same rank rule as sorting every sample would give.
   */
  percentile(p: number): number {
    if (this.total === 0) return 0;
    const rank = Math.min(this.total - 1, Math.floor(p * this.total));
    if (rank === this.total - 1) return this.maxUs / 1000;
    if (rank === 0) return this.minUs / 1000;
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen > rank) return Math.min(this.maxUs, Math.max(this.minUs, midpointOf(b))) / 1000;
    }
    return this.maxUs / 1000;
  }
}
