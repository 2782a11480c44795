package restapi

import (
	"fmt"
	"strings"
)

// subRequestOrder returns the names of the sub-requests in the order
// they are sent: each after the one it needs, otherwise by name. A cycle
// of needs is an error.
func subRequestOrder(subs map[string]*SubRequest) ([]string, error) {
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		switch state[name] {
		case 1:
			return fmt.Errorf("sub-requests need each other in a cycle: %s", strings.Join(append(path, name), " -> "))
		case 2:
			return nil
		}
		state[name] = 1
		if s := subs[name]; s != nil && s.Needs != "" && subs[s.Needs] != nil {
			if err := visit(s.Needs, append(path, name)); err != nil {
				return err
			}
		}
		state[name] = 2
		order = append(order, name)
		return nil
	}
	for _, name := range sortedKeys(subs) {
		if err := visit(name, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}
