package rank

import (
	"sync"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/internal/lang"
)

// stopwords are the function words of every language (internal/lang's
// Grammar group "stop"), as normalisation keys.
var stopwords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 512)
	for _, w := range lang.Words(lang.Grammar, "stop") {
		m[article.Key(w)] = struct{}{}
	}
	return m
})
