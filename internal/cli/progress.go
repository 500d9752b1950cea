package cli

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/rampart-sec/rampart/internal/scan"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = 100 * time.Millisecond

// progressLine draws one line on a terminal, redrawn in place, with the scan's phase, the
// files done of the total and the time since it started. Stop clears it, so that it
// never mixes with what follows.
type progressLine struct {
	w     io.Writer
	start time.Time
	stop  chan struct{}
	done  sync.WaitGroup

	mu   sync.Mutex
	last scan.Progress
}

func startProgress(w io.Writer) *progressLine {
	p := &progressLine{w: w, start: time.Now(), stop: make(chan struct{})}
	p.done.Go(p.loop)
	return p
}

// update records the latest progress; it is called from the scan's workers.
func (p *progressLine) update(pr scan.Progress) {
	p.mu.Lock()
	// Workers finish out of order: keep the highest count of a phase.
	if pr.Phase != p.last.Phase || pr.Done > p.last.Done {
		p.last = pr
	}
	p.mu.Unlock()
}

func (p *progressLine) loop() {
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			fmt.Fprint(p.w, "\r\x1b[K")
			return
		case <-tick.C:
			p.draw()
		}
	}
}

func (p *progressLine) draw() {
	p.mu.Lock()
	pr := p.last
	p.mu.Unlock()
	if pr.Phase == "" {
		return
	}
	line := "rampart: " + pr.Phase
	if pr.Total > 0 {
		line += fmt.Sprintf(" %d/%d", pr.Done, pr.Total)
	}
	line += fmt.Sprintf(" · %.1fs", time.Since(p.start).Seconds())
	fmt.Fprint(p.w, "\r\x1b[K"+line)
}

// Stop clears the line and waits until nothing more is drawn.
func (p *progressLine) Stop() {
	close(p.stop)
	p.done.Wait()
}
