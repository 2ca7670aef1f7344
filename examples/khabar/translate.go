package main

import (
	"context"
	"fmt"
)

func cmdTranslate(ctx context.Context, e env, args []string) error {
	return fmt.Errorf("translate: not yet")
}
