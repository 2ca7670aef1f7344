// Package retry holds what the retrying layers of the LLM code share: the
// budget of extra requests (retries and re-asks) that one call of a back
// end may make, and a context-aware sleep.
//
// A back end puts a Budget in the call's context (WithBudget); llm.Transport
// draws from it before each retry and the back end before each re-ask, so
// a misbehaving server cannot draw an unbounded number of requests from
// one article.
package retry

import (
	"context"
	"sync/atomic"
	"time"
)

// Budget is a count of extra requests. A nil *Budget allows everything. A
// Budget is safe for concurrent use.
type Budget struct {
	limit   int64
	spent   atomic.Int64
	refused atomic.Bool
}

// NewBudget returns a Budget of limit extra requests (none when limit <= 0).
func NewBudget(limit int) *Budget { return &Budget{limit: int64(max(limit, 0))} }

// Spend takes one extra request from b and reports whether it was there.
// A refusal is remembered (see Exhausted).
func (b *Budget) Spend() bool {
	if b == nil {
		return true
	}
	if b.spent.Add(1) > b.limit {
		b.spent.Add(-1)
		b.refused.Store(true)
		return false
	}
	return true
}

// Exhausted reports whether a Spend was refused.
func (b *Budget) Exhausted() bool { return b != nil && b.refused.Load() }

// Spent returns the extra requests taken so far.
func (b *Budget) Spent() int {
	if b == nil {
		return 0
	}
	return int(b.spent.Load())
}

// Limit returns the number of extra requests b allows.
func (b *Budget) Limit() int {
	if b == nil {
		return 0
	}
	return int(b.limit)
}

type key struct{}

// WithBudget returns ctx carrying b.
func WithBudget(ctx context.Context, b *Budget) context.Context {
	return context.WithValue(ctx, key{}, b)
}

// BudgetFrom returns the Budget ctx carries, or nil.
func BudgetFrom(ctx context.Context) *Budget {
	b, _ := ctx.Value(key{}).(*Budget)
	return b
}

// Sleep waits for d, or until ctx is done and then returns ctx.Err(). A d
// of zero or less does not wait.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
