package khabar

import "github.com/khabar-go/khabar/llm"

// LLMConfig is llm.Config, the configuration of a client for any
// OpenAI-compatible server, under the name the root package gave it
// first.
//
// Deprecated: use llm.Config, where the LLM back ends' errors, transport
// and fake server live too.
type LLMConfig = llm.Config
