package tagger

import (
	"sync"

	"github.com/khabar-go/khabar/article"
)

// The cue words of each class come from internal/lang (lexicon_ar.go).

// Cue classes of a token's stem, used as features.
const (
	cueNone   uint8 = iota
	cueTitle        // a title or role: الرئيس، وزير، الشيخ
	cueSpeech       // a speech verb: قال، أضاف، أكد
	cuePlace        // a noun that introduces a place: مدينة، العاصمة
	cuePrep         // a preposition that often precedes a place: في، إلى، من
	cueOrg          // a noun that heads an organisation name: وزارة، شركة، حزب
	cueKin          // a name particle: بن، ابن، أبو، عبد
	cueNation       // a people or nationality noun head: شعب، حكومة، قوات
	cueTime         // a month or weekday name
	numCues
)

var (
	cueOnce sync.Once
	cueMap  map[uint64]uint8
)

// cues returns the cue classes by hash of the conservative stem of the
// word's key. The first class listed for a stem wins.
func cues() map[uint64]uint8 {
	cueOnce.Do(func() {
		m := make(map[uint64]uint8, 512)
		var buf []byte
		for _, c := range arabicCueWords() {
			for _, w := range c.words {
				buf = article.AppendKey(buf[:0], w)
				h := hashBytes(buf[stemCut(buf):])
				if _, ok := m[h]; !ok {
					m[h] = c.class
				}
			}
		}
		cueMap = m
	})
	return cueMap
}
