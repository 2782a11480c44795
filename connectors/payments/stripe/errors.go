package stripe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	stripego "github.com/stripe/stripe-go/v82"

	"clientgate/connectors/payments"
)

// fail maps an API error to the payments sentinels, logs it and returns
// it: 401 and 403 are ErrAuth, other 4xx answers ErrInvalid (a rejected
// request) or ErrRefused (an idempotency or state conflict), 429, 5xx and
// network failures ErrUnavailable. The context's own error wins.
func (p *Provider) fail(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("stripe: %s: %w", op, ctx.Err())
	}
	out := p.redact(classify(err))
	p.log.WarnContext(ctx, "stripe: call failed", "op", op, "error", out)
	return fmt.Errorf("stripe: %s: %w", op, out)
}

func classify(err error) error {
	var se *stripego.Error
	if !errors.As(err, &se) {
		return fmt.Errorf("%w: %v", payments.ErrUnavailable, err)
	}
	msg := se.Msg
	if msg == "" {
		msg = string(se.Type)
	}
	switch code := se.HTTPStatusCode; {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return fmt.Errorf("%w: HTTP %d: %s", payments.ErrAuth, code, msg)
	case se.Type == stripego.ErrorTypeIdempotency || code == http.StatusConflict:
		return fmt.Errorf("%w: HTTP %d: %s", payments.ErrRefused, code, msg)
	case code == http.StatusTooManyRequests || code >= 500 || code == 0:
		return fmt.Errorf("%w: HTTP %d: %s", payments.ErrUnavailable, code, msg)
	}
	return fmt.Errorf("%w: HTTP %d: %s (%s)", payments.ErrInvalid, se.HTTPStatusCode, msg, se.Param)
}

// redacted stands in for the secret key in errors.
const redacted = "[secret key]"

// redact keeps the secret key out of an error: a test double (stripe-mock)
// echoes the Authorization header it refused.
func (p *Provider) redact(err error) error {
	if key := p.opts.SecretKey; key != "" && strings.Contains(err.Error(), key) {
		return &redactedError{msg: strings.ReplaceAll(err.Error(), key, redacted), err: err}
	}
	return err
}

// redactedError is an error whose text hides the secret key; errors.Is
// still sees the sentinels it wraps.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
