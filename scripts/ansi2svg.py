#!/usr/bin/env python3
"""Turns a terminal capture with SGR colour codes (tmux capture-pane -e -p) into an SVG picture.

    scripts/ansi2svg.py < capture.txt > screen.svg [--columns 120] [--rows 36]

Understands what tmux emits: SGR 0, 1, 2, 3, 4, 7, 22-27, 30-37, 38;5;n, 38;2;r;g;b, 39,
40-47, 48;5;n, 48;2;r;g;b, 49, 90-97, 100-107. Wide characters (CJK, emoji) take two cells.
"""
import argparse
import html
import re
import sys
import unicodedata

BACKGROUND = "#1c1c1c"
FOREGROUND = "#d0d0d0"
ANSI = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]


def indexed(n):
    if n < 16:
        return ANSI[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    grey = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


def width(char):
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def parse(text, columns, rows):
    """Returns rows of cells: (char, fg, bg, bold, italic, underline, dim)."""
    grid = []
    for line in text.split("\n")[:rows]:
        state = {"fg": None, "bg": None, "bold": False, "dim": False, "italic": False, "underline": False, "reverse": False}
        cells = []
        position = 0
        for match in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b])", line):
            if match.group(2) is None:
                codes = [int(c) if c else 0 for c in match.group(1).split(";")]
                i = 0
                while i < len(codes):
                    c = codes[i]
                    if c == 0:
                        state = {k: (None if k in ("fg", "bg") else False) for k in state}
                    elif c == 1: state["bold"] = True
                    elif c == 2: state["dim"] = True
                    elif c == 3: state["italic"] = True
                    elif c == 4: state["underline"] = True
                    elif c == 7: state["reverse"] = True
                    elif c == 22: state["bold"] = state["dim"] = False
                    elif c == 23: state["italic"] = False
                    elif c == 24: state["underline"] = False
                    elif c == 27: state["reverse"] = False
                    elif 30 <= c <= 37: state["fg"] = ANSI[c - 30]
                    elif 90 <= c <= 97: state["fg"] = ANSI[c - 90 + 8]
                    elif 40 <= c <= 47: state["bg"] = ANSI[c - 40]
                    elif 100 <= c <= 107: state["bg"] = ANSI[c - 100 + 8]
                    elif c == 39: state["fg"] = None
                    elif c == 49: state["bg"] = None
                    elif c in (38, 48) and i + 1 < len(codes):
                        key = "fg" if c == 38 else "bg"
                        if codes[i + 1] == 5 and i + 2 < len(codes):
                            state[key] = indexed(codes[i + 2]); i += 2
                        elif codes[i + 1] == 2 and i + 4 < len(codes):
                            state[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]); i += 4
                    i += 1
                continue
            char = match.group(2)
            w = width(char)
            if w == 0:
                if cells:
                    cells[-1] = (cells[-1][0] + char,) + cells[-1][1:]
                continue
            fg, bg = state["fg"] or FOREGROUND, state["bg"] or BACKGROUND
            if state["reverse"]:
                fg, bg = (state["bg"] or BACKGROUND), (state["fg"] or FOREGROUND)
            cells.append((char, fg, bg, state["bold"], state["italic"], state["underline"], state["dim"], w))
            position += w
        grid.append(cells)
    while len(grid) < rows:
        grid.append([])
    return grid


def render(grid, columns, rows):
    cell_w, cell_h = 8.4, 17
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">'
           % (columns * cell_w + 16, rows * cell_h + 16, columns * cell_w + 16, rows * cell_h + 16),
           '<rect width="100%%" height="100%%" rx="6" fill="%s"/>' % BACKGROUND]
    for y, cells in enumerate(grid):
        x = 0
        for char, fg, bg, bold, italic, underline, dim, w in cells:
            px, py = 8 + x * cell_w, 8 + y * cell_h
            if bg != BACKGROUND:
                out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (px, py, w * cell_w + 0.5, cell_h, bg))
            if char.strip():
                style = ""
                if bold: style += ' font-weight="bold"'
                if italic: style += ' font-style="italic"'
                if underline: style += ' text-decoration="underline"'
                if dim: style += ' opacity="0.7"'
                out.append('<text x="%.1f" y="%d" fill="%s"%s>%s</text>' % (px, py + 13, fg, style, html.escape(char)))
            x += w
    out.append("</svg>")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--columns", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    args = parser.parse_args()
    text = sys.stdin.read()
    sys.stdout.write(render(parse(text, args.columns, args.rows), args.columns, args.rows) + "\n")


if __name__ == "__main__":
    main()
