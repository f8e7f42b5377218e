package synth

// pyRandom is CPython's random.Random: the MT19937 generator with
// CPython's seeding and its ways of turning 32-bit words into floats,
// integers below n, shuffles and samples. Porting it rather than using
// math/rand makes the corpus byte-identical to gencorpus.py's for the same
// seed, so Go benchmarks and the Hugo comparison read the same text.
// Not safe for concurrent use.
type pyRandom struct {
	mt [624]uint32
	i  int
}

// newPyRandom returns the generator of random.Random(seed). Like CPython it
// seeds with the absolute value of seed, as little-endian 32-bit words.
func newPyRandom(seed int64) *pyRandom {
	n := uint64(seed)
	if seed < 0 {
		n = uint64(-seed)
	}
	key := []uint32{uint32(n)}
	if hi := uint32(n >> 32); hi != 0 {
		key = append(key, hi)
	}
	r := &pyRandom{}
	r.seedArray(key)
	return r
}

func (r *pyRandom) seedOne(s uint32) {
	r.mt[0] = s
	for i := 1; i < len(r.mt); i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.i = len(r.mt)
}

// seedArray is init_by_array of the reference MT19937 code.
func (r *pyRandom) seedArray(key []uint32) {
	const n = 624
	r.seedOne(19650218)
	i, j := 1, 0
	for k := max(n, len(key)); k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i, j = i+1, j+1
		if i >= n {
			r.mt[0], i = r.mt[n-1], 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := n - 1; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			r.mt[0], i = r.mt[n-1], 1
		}
	}
	r.mt[0] = 0x80000000
}

// uint32 is genrand_uint32.
func (r *pyRandom) uint32() uint32 {
	const n, m = 624, 397
	if r.i >= n {
		mag := [2]uint32{0, 0x9908b0df}
		var kk int
		for ; kk < n-m; kk++ {
			y := r.mt[kk]&0x80000000 | r.mt[kk+1]&0x7fffffff
			r.mt[kk] = r.mt[kk+m] ^ y>>1 ^ mag[y&1]
		}
		for ; kk < n-1; kk++ {
			y := r.mt[kk]&0x80000000 | r.mt[kk+1]&0x7fffffff
			r.mt[kk] = r.mt[kk+(m-n)] ^ y>>1 ^ mag[y&1]
		}
		y := r.mt[n-1]&0x80000000 | r.mt[0]&0x7fffffff
		r.mt[n-1] = r.mt[m-1] ^ y>>1 ^ mag[y&1]
		r.i = 0
	}
	y := r.mt[r.i]
	r.i++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// random is random.random(): a float in [0, 1) with 53 random bits.
func (r *pyRandom) random() float64 {
	a, b := r.uint32()>>5, r.uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// below is random._randbelow(n) for 0 < n < 2³²: rejection sampling on
// n's bit length.
func (r *pyRandom) below(n int) int {
	if n <= 0 || n > 1<<32-1 {
		panic("synth: below out of range") // programmer error: callers pass list lengths
	}
	k := 0
	for v := n; v > 0; v >>= 1 {
		k++
	}
	for {
		if v := int(r.uint32() >> (32 - k)); v < n {
			return v
		}
	}
}

// intn is random.randint(a, b): an int in [a, b].
func (r *pyRandom) intn(a, b int) int { return a + r.below(b-a+1) }

// shuffle is random.shuffle.
func shuffle[T any](r *pyRandom, xs []T) {
	for i := len(xs) - 1; i > 0; i-- {
		j := r.below(i + 1)
		xs[i], xs[j] = xs[j], xs[i]
	}
}

// sample is random.sample(xs, k) for k ≤ 5, the only sizes used: with
// fewer than 6 picks CPython keeps a pool only when len(xs) ≤ 21 and draws
// with a set of taken indexes otherwise.
func sample[T any](r *pyRandom, xs []T, k int) []T {
	if k > 5 || k > len(xs) {
		panic("synth: sample size not supported") // programmer error
	}
	out := make([]T, k)
	if len(xs) <= 21 {
		pool := append([]T(nil), xs...)
		for i := range k {
			j := r.below(len(xs) - i)
			out[i] = pool[j]
			pool[j] = pool[len(xs)-i-1]
		}
		return out
	}
	taken := make(map[int]bool, k)
	for i := range k {
		j := r.below(len(xs))
		for taken[j] {
			j = r.below(len(xs))
		}
		taken[j] = true
		out[i] = xs[j]
	}
	return out
}

// pick is random.choice.
func pick[T any](r *pyRandom, xs []T) T { return xs[r.below(len(xs))] }
