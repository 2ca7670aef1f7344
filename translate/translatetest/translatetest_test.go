package translatetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/khabar-go/khabar/translate"
	"github.com/khabar-go/khabar/translate/translatetest"
)

// identity keeps the contract without translating anything.
var identity = translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	resp := &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}
	return resp, nil
})

func TestRun(t *testing.T) {
	translatetest.Run(t, func(*testing.T) translate.Translator { return identity })
}

func TestCheckFindsAContractBreak(t *testing.T) {
	noValidation := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return &translate.Response{Segments: append([]translate.Segment{}, req.Segments...)}, nil
	})
	if err := translatetest.Check(context.Background(), noValidation); err == nil {
		t.Error("Check accepted a translator that takes invalid requests")
	}
	hidesCancel := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		if ctx.Err() != nil {
			return nil, errors.New("something failed")
		}
		return identity(ctx, req)
	})
	if err := translatetest.Check(context.Background(), hidesCancel); err == nil {
		t.Error("Check accepted a translator whose error on a done context does not wrap ctx.Err()")
	}
	if err := translatetest.Check(context.Background(), identity); err != nil {
		t.Errorf("Check rejected a conforming translator: %v", err)
	}
}
