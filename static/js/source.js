// The source page opens centred on the line a topic page linked to.
document.getElementById(document.currentScript.dataset.highlight)?.scrollIntoView({block: "center"});
