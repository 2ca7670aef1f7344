package lru_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/khabar-go/khabar/internal/lru"
)

// op is one step of a scripted session: a Put when put is set, else a Get.
type op struct {
	put bool
	key string
	v   int
}

func put(k string, v int) op { return op{put: true, key: k, v: v} }
func get(k string) op        { return op{key: k} }

func TestCache(t *testing.T) {
	tests := []struct {
		name string
		size int
		ops  []op
		// want lists what Get returns for each key afterwards (absent
		// keys are left out) and wantLen the final Len.
		want    map[string]int
		wantLen int
	}{
		{
			name:    "empty",
			size:    2,
			want:    map[string]int{},
			wantLen: 0,
		},
		{
			name:    "under capacity keeps all",
			size:    3,
			ops:     []op{put("a", 1), put("b", 2)},
			want:    map[string]int{"a": 1, "b": 2},
			wantLen: 2,
		},
		{
			name:    "oldest evicted",
			size:    2,
			ops:     []op{put("a", 1), put("b", 2), put("c", 3)},
			want:    map[string]int{"b": 2, "c": 3},
			wantLen: 2,
		},
		{
			name:    "get refreshes recency",
			size:    2,
			ops:     []op{put("a", 1), put("b", 2), get("a"), put("c", 3)},
			want:    map[string]int{"a": 1, "c": 3},
			wantLen: 2,
		},
		{
			name:    "put replaces and refreshes",
			size:    2,
			ops:     []op{put("a", 1), put("b", 2), put("a", 10), put("c", 3)},
			want:    map[string]int{"a": 10, "c": 3},
			wantLen: 2,
		},
		{
			name:    "get of a missing key changes nothing",
			size:    2,
			ops:     []op{put("a", 1), put("b", 2), get("z"), put("c", 3)},
			want:    map[string]int{"b": 2, "c": 3},
			wantLen: 2,
		},
		{
			name:    "size below one means one",
			size:    0,
			ops:     []op{put("a", 1), put("b", 2)},
			want:    map[string]int{"b": 2},
			wantLen: 1,
		},
		{
			name:    "negative size means one",
			size:    -5,
			ops:     []op{put("a", 1)},
			want:    map[string]int{"a": 1},
			wantLen: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lru.New[int](tt.size)
			for _, o := range tt.ops {
				if o.put {
					c.Put(o.key, o.v)
				} else {
					c.Get(o.key)
				}
			}
			// Len first: the Gets below change recency, not contents.
			if got := c.Len(); got != tt.wantLen {
				t.Errorf("Len() = %d, want %d", got, tt.wantLen)
			}
			got := map[string]int{}
			for _, k := range []string{"a", "b", "c", "z"} {
				if v, ok := c.Get(k); ok {
					got[k] = v
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("contents mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGetMissReturnsZero(t *testing.T) {
	c := lru.New[*int](1)
	v, ok := c.Get("x")
	if ok || v != nil {
		t.Errorf("Get(missing) = %v, %v; want nil, false", v, ok)
	}
}

func TestConcurrentUse(t *testing.T) {
	const size, workers, per = 16, 8, 200
	c := lru.New[int](size)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range per {
				k := fmt.Sprint((w*per + i) % (2 * size))
				c.Put(k, i)
				c.Get(k)
				_ = c.Len()
			}
		})
	}
	wg.Wait()
	if n := c.Len(); n != size {
		t.Errorf("Len() = %d after %d distinct keys, want %d", n, 2*size, size)
	}
}

func BenchmarkPutGet(b *testing.B) {
	c := lru.New[int](1024)
	keys := make([]string, 4096)
	for i := range keys {
		keys[i] = fmt.Sprint(i)
	}
	i := 0
	for b.Loop() {
		k := keys[i%len(keys)]
		c.Put(k, i)
		c.Get(k)
		i++
	}
}
