package main

import (
	"fmt"

	"github.com/khabar-go/khabar"
)

// llmConfig reads the language-model settings from the environment:
// OPENAI_API_KEY, OPENAI_BASE_URL and KHABAR_MODEL.
func llmConfig(e env) (khabar.LLMConfig, error) {
	cfg := khabar.LLMConfig{
		APIKey:  e.getenv("OPENAI_API_KEY"),
		BaseURL: e.getenv("OPENAI_BASE_URL"),
		Model:   e.getenv("KHABAR_MODEL"),
	}
	if cfg.APIKey == "" && cfg.BaseURL == "" {
		return cfg, fmt.Errorf("no language model configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a server other than OpenAI's; KHABAR_MODEL for the model)")
	}
	return cfg, nil
}
