module github.com/khabar-go/khabar

go 1.25.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/sashabaranov/go-openai v1.43.0
	golang.org/x/text v0.41.0
)

require (
	codeberg.org/readeck/go-readability/v2 v2.1.3 // indirect
	github.com/andybalholm/cascadia v1.3.3 // indirect
	github.com/go-shiori/dom v0.0.0-20230515143342-73569d674e1c // indirect
	github.com/gogs/chardet v0.0.0-20211120154057-b7413eaefb8f // indirect
	github.com/itlightning/dateparse v0.2.1 // indirect
	golang.org/x/net v0.41.0 // indirect
)
