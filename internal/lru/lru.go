// Package lru provides a small generic least-recently-used cache keyed by
// strings. The summarize and translate packages build their exported LRU
// stores on it.
package lru

import (
	"container/list"
	"sync"
)

// Cache holds at most a fixed number of values and drops the least recently
// used one when a new key would exceed that number. Its zero value is not
// usable; call New. A Cache is safe for concurrent use.
type Cache[V any] struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *entry[V], most recently used first
	items map[string]*list.Element
}

type entry[V any] struct {
	key string
	v   V
}

// New returns a Cache that holds at most size values. A size below one
// means one.
func New[V any](size int) *Cache[V] {
	return &Cache[V]{size: max(size, 1), order: list.New(), items: make(map[string]*list.Element)}
}

// Get returns the value stored under key and marks it most recently used.
// It reports false, with the zero value, when key is absent.
func (c *Cache[V]) Get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry[V]).v, true
}

// Put stores v under key, replacing any value there, and marks it most
// recently used. When the cache is full it drops the least recently used
// value.
func (c *Cache[V]) Put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*entry[V]).v = v
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&entry[V]{key, v})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*entry[V]).key)
	}
}

// Len returns the number of values held.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
