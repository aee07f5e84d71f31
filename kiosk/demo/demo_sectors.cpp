// Demo generator: employer sectors (NAF code, names, what an immersion shows) by ROME prefix.
#include "kiosk/demo/demo_internal.h"

namespace eric::demo {

namespace {

struct SectorRow {
  const char* prefixes;
  const char* naf;
  const char* naf_label;
  const char* names;
  int size_bias;
  const char* task;
};

// Each trade goes to the sector with the longest matching prefix; one-letter prefixes catch
// whatever a family has left.
constexpr SectorRow kSectors[] = {
    {"A12", "81.30Z", "Services d'aménagement paysager",
     "{S} Paysages|Les Jardins de {F}|Espaces Verts {dP}|{R} Jardins Services", 0,
     "l'entretien des massifs, la taille et l'arrosage"},
    {"A|A11|A13|A14", "01.50Z", "Culture et élevage associés",
     "Domaine {S}|EARL {S}|Mas {S}|GAEC {S} Frères", 0,
     "les travaux des champs, la récolte et le soin des cultures"},
    {"A15", "75.00Z", "Activités vétérinaires",
     "Clinique vétérinaire {N}|Clinique vétérinaire {S}|Toilettage {F}", 0,
     "les soins aux animaux et l'accueil des propriétaires"},
    {"B", "90.03A", "Création artistique relevant des arts plastiques",
     "Atelier {S}|{S} Créations|Atelier d'art {dP}", 0,
     "la préparation des matériaux et la fabrication des pièces"},
    {"C11", "66.22Z", "Activités des agents et courtiers d'assurances",
     "Cabinet {S} Assurances|{S} et Associés Assurances|Assurances {R}", 1,
     "l'accueil des clients et le suivi des dossiers"},
    {"C|C12|C13|C14", "64.19Z", "Autres intermédiations monétaires",
     "Banque {S} et Cie|Crédit {R}, agence {dP}|Caisse de crédit {dP}", 1,
     "l'accueil des clients et le suivi des dossiers"},
    {"C15", "68.31Z", "Agences immobilières", "{S} Immobilier|Agence immobilière {dP}|Immo {R}",
     0, "les visites de logements et l'accueil des clients"},
    {"D1101|D1103", "47.22Z",
     "Commerce de détail de viandes et de produits à base de viande en magasin spécialisé",
     "Boucherie {S}|Boucherie-charcuterie {F}|Maison {S} traiteur", 0,
     "la préparation des viandes et le service au comptoir"},
    {"D1102|D1104", "10.71C", "Boulangerie et boulangerie-pâtisserie",
     "Boulangerie {S}|Au Pain {dP}|Pâtisserie {F}|Boulangerie {N}", 0,
     "la fabrication du pain et la vente en boutique"},
    {"D1105", "47.23Z", "Commerce de détail de poissons, crustacés et mollusques",
     "Poissonnerie {S}|La Marée {dP}", 0, "la préparation du poisson et la vente"},
    {"D1106|D15|D13", "47.11D", "Supermarchés",
     "Supermarché {S}|Proxi Marché {P}|Les Halles {dP}|Épicerie {F}", 1,
     "la mise en rayon, l'accueil des clients et la caisse"},
    {"D14|D1107|M17|M11", "46.90Z", "Commerce de gros non spécialisé",
     "{S} Distribution|Sud Négoce {S}|Comptoir {R}|{S} et Fils Négoce", 1,
     "le suivi des commandes et le contact avec les clients"},
    {"D1408|M1401", "82.20Z", "Activités de centres d'appels",
     "{R} Contact Services|Centre de relation client {dP}|{S} Téléservices", 2,
     "la réponse aux appels des clients"},
    {"D1202", "96.02A", "Coiffure", "{F} Coiffure|Salon {F}|L'Atelier Coiffure {dP}", 0,
     "l'accueil des clients, le shampoing et l'entretien du salon"},
    {"D1203|D1208", "96.02B", "Soins de beauté", "Institut {F}|Institut de beauté {N}|Beauté {R}",
     0, "l'accueil et les soins esthétiques"},
    {"D|D12", "47.19B", "Autres commerces de détail en magasin non spécialisé",
     "Boutique {F}|{S} Équipement|Comptoir {dP}|Maison {S}", 0,
     "la mise en valeur des produits et le conseil aux clients"},
    {"D1214", "47.71Z", "Commerce de détail d'habillement en magasin spécialisé",
     "Boutique {F}|{F} Mode|Le Dressing {dP}", 0, "le conseil aux clients et la tenue du magasin"},
    {"D1209|D1210", "47.76Z",
     "Commerce de détail de fleurs, plantes, graines, animaux de compagnie et leurs aliments",
     "Jardinerie {N}|Fleurs {F}|Animalerie {dP}", 0,
     "l'entretien des plantes ou des animaux et le conseil aux clients"},
    {"E|E11|E12|E14", "73.11Z", "Activités des agences de publicité",
     "Agence {S} Communication|Studio {F}|{R} Médias", 0,
     "la préparation des contenus et des supports"},
    {"E13", "18.12Z", "Autre imprimerie (labeur)", "Imprimerie {S}|Imprimerie {dP}|{R} Impression",
     1, "la préparation et le suivi des impressions"},
    {"F11|F12", "71.12B", "Ingénierie, études techniques",
     "Bureau d'études {S}|{S} Ingénierie|{R} Études Bâtiment", 1,
     "les relevés, les plans et les visites de chantier"},
    {"F|F17|F14", "43.99C", "Travaux de maçonnerie générale et gros œuvre de bâtiment",
     "{S} Construction|Entreprise {S} et Fils|{R} Bâtiment|Maçonnerie {S}", 1,
     "la préparation du chantier, le montage des murs et le nettoyage"},
    {"F13|F1702|F1705", "42.11Z", "Construction de routes et autoroutes",
     "{S} TP|Travaux Publics {dP}|{R} Terrassement", 2,
     "la préparation du terrain et la pose de réseaux"},
    {"F15", "43.91A", "Travaux de charpente",
     "Charpente {S}|{S} Charpente et Couverture|Les Charpentiers {dP}", 0,
     "la préparation des bois et le montage des charpentes"},
    {"F1602|F1605", "43.21A", "Travaux d'installation électrique dans tous locaux",
     "{S} Électricité|Élec {R}|{S} et Fils Électricité", 0,
     "le passage des câbles et la pose des prises et des interrupteurs"},
    {"F1603", "43.22A", "Travaux d'installation d'eau et de gaz en tous locaux",
     "{S} Plomberie Chauffage|Plomberie {dP}|{F} Sanitaire Services", 0,
     "la pose de tuyaux et de sanitaires"},
    {"F16", "43.34Z", "Travaux de peinture et vitrerie",
     "{S} Peinture|Déco Rénov {R}|{S} Finitions", 0, "la préparation des murs et la peinture"},
    {"G|G11|G13", "79.11Z", "Activités des agences de voyage",
     "Voyages {S}|{R} Évasion|Agence de voyages {dP}", 0, "l'accueil et le conseil aux voyageurs"},
    {"G12", "93.29Z", "Autres activités récréatives et de loisirs",
     "Centre de loisirs {N}|Base nautique {dP}|{R} Loisirs", 1,
     "l'accueil du public et l'animation des activités"},
    {"G14|G15|G17", "55.10Z", "Hôtels et hébergement similaire",
     "Hôtel {N}|Hôtel du Port|Résidence {N}|Hôtel {S}", 1,
     "l'accueil des clients et la préparation des chambres"},
    {"G16|G18", "56.10A", "Restauration traditionnelle",
     "Restaurant {N}|Brasserie du Port|La Table de {F}|Pizzeria {F}|Le Bistrot {dP}", 0,
     "la mise en place, la préparation des plats et le service"},
    {"G1404", "56.29A", "Restauration collective sous contrat",
     "{R} Restauration collective|Cuisine centrale {dP}", 2,
     "la préparation des repas et le service"},
    {"H21", "10.89Z", "Fabrication d'autres produits alimentaires",
     "{S} Agroalimentaire|Conserverie {S}|Les Délices {dP}", 2,
     "la préparation des produits et la surveillance de la ligne de fabrication"},
    {"H22", "16.23Z", "Fabrication de charpentes et d'autres menuiseries",
     "Menuiserie {S}|{S} Bois|Atelier Bois {dP}", 0, "la découpe et l'assemblage du bois"},
    {"H23|H27", "20.14Z", "Fabrication d'autres produits chimiques organiques de base",
     "{R} Pétrochimie|{S} Chimie Industrie|Chimie de l'Étang", 2,
     "la surveillance des installations avec l'équipe de quart"},
    {"H|H14|H25|H29|H34", "25.62B", "Mécanique industrielle",
     "{S} Mécanique|Chaudronnerie {S}|Usinage {R}|{S} Industrie", 1,
     "la fabrication et le contrôle des pièces"},
    {"H11|H12|H13|H15", "71.20B", "Analyses, essais et inspections techniques",
     "{S} Contrôle Qualité|Laboratoire {R}|{S} Essais Industrie", 1,
     "les contrôles et les mesures en atelier"},
    {"H26|H1202", "26.11Z", "Fabrication de composants électroniques",
     "{S} Électronique|{R} Composants|Électronique {dP}", 2,
     "le montage et le test de cartes électroniques"},
    {"H24", "14.13Z", "Fabrication de vêtements de dessus",
     "Atelier textile {S}|{S} Confection|{R} Couture", 1, "la couture et la finition des articles"},
    {"H28", "23.61Z", "Fabrication d'éléments en béton pour la construction",
     "{S} Béton|Carrières {dP}|{R} Matériaux", 2,
     "la conduite des machines et le contrôle des produits"},
    {"H31|H32|H33", "22.29A", "Fabrication d'autres articles en matières plastiques",
     "{S} Plastiques|{R} Emballage|{S} Conditionnement", 2,
     "le conditionnement et le contrôle des produits"},
    {"I|I11|I13|I15", "33.12Z", "Réparation de machines et équipements mécaniques",
     "{S} Maintenance|{R} Maintenance Industrielle|{S} Services Techniques", 1,
     "le dépannage et l'entretien des équipements"},
    {"I1306", "43.22B", "Travaux d'installation d'équipements thermiques et de climatisation",
     "Clim Services {R}|{S} Froid et Climatisation|{S} Énergies", 0,
     "l'installation et l'entretien des climatiseurs"},
    {"I12", "81.10Z", "Activités combinées de soutien lié aux bâtiments",
     "{S} Multiservices|{R} Entretien Bâtiment|Services Techniques {dP}", 1,
     "les petites réparations et l'entretien des bâtiments"},
    {"I14", "95.11Z", "Réparation d'ordinateurs et d'équipements périphériques",
     "{S} Informatique Services|Dépannage Info {dP}|{R} Micro", 0,
     "le dépannage des ordinateurs et l'accueil des clients"},
    {"I16", "45.20A", "Entretien et réparation de véhicules automobiles légers",
     "Garage du Port|Garage {S}|{S} Automobiles|Carrosserie {S}|Garage {dP}", 0,
     "l'entretien des véhicules et l'accueil des clients"},
    {"I1601|I1605", "33.15Z", "Réparation et maintenance navale",
     "Chantier naval {S}|{R} Marine Services|Chantier naval {dP}", 1,
     "l'entretien des bateaux et des moteurs"},
    {"I1602", "33.16Z", "Réparation et maintenance d'aéronefs",
     "{R} Aéro Maintenance|{S} Aéronautique", 2, "les contrôles et l'entretien des appareils"},
    {"J|J13", "86.10Z", "Activités hospitalières", "Clinique {N}|Polyclinique {dP}|Clinique {S}", 2,
     "les soins et l'accompagnement des patients avec l'équipe"},
    {"J1501|K1302", "87.10A", "Hébergement médicalisé pour personnes âgées",
     "EHPAD {N}|Résidence {N}|EHPAD {S}", 1,
     "l'aide aux résidents dans les gestes de tous les jours"},
    {"J1202|J1307", "47.73Z", "Commerce de détail de produits pharmaceutiques",
     "Pharmacie {dP}|Pharmacie {N}|Pharmacie {S}", 0,
     "la réception des commandes et le conseil au comptoir"},
    {"J11|J12|J14", "86.90E", "Activités des professionnels de la rééducation et de l'appareillage",
     "Cabinet {S}|Centre de santé {dP}|Maison de santé {N}", 0,
     "l'accueil des patients et l'aide aux soins"},
    {"J1405", "47.78A", "Commerces de détail d'optique", "Optique {F}|{S} Optique", 0,
     "l'accueil des clients et l'ajustage des lunettes"},
    {"J1305", "86.90A", "Ambulances", "Ambulances {S}|Ambulances {dP}|{R} Ambulances", 0,
     "le transport des patients avec un ambulancier"},
    {"K13", "88.10A", "Aide à domicile",
     "{R} Services à domicile|Aide et Présence {dP}|{S} Domicile Services", 1,
     "l'aide aux personnes chez elles : repas, ménage, courses"},
    {"K1303|J1304|K1202", "88.91A", "Accueil de jeunes enfants",
     "Crèche {N}|Micro-crèche Les Petits Mousses|Crèche {dP}", 0,
     "l'accueil et les activités des enfants"},
    {"K", "88.99B", "Action sociale sans hébergement",
     "Association {N}|Centre social {N}|Maison des services {dP}|Association {R} Solidarité", 1,
     "l'accueil du public et l'aide aux démarches"},
    {"K21", "85.59A", "Formation continue d'adultes",
     "Centre de formation {S}|École {N}|Institut de formation {dP}", 1,
     "la préparation des cours et l'accueil des stagiaires"},
    {"K22", "81.21Z", "Nettoyage courant des bâtiments",
     "{S} Propreté|Net Services {R}|{R} Nettoyage|Clean {P}", 2,
     "le nettoyage des bureaux et des parties communes"},
    {"K23", "38.11Z", "Collecte des déchets non dangereux",
     "{R} Environnement|{S} Recyclage|Propreté Urbaine {dP}", 2, "la collecte et le tri des déchets"},
    {"K25|K17", "80.10Z", "Activités de sécurité privée",
     "{S} Sécurité|{R} Gardiennage|Protection {dP}", 2, "les rondes et l'accueil avec un agent"},
    {"K26", "96.03Z", "Services funéraires", "Pompes funèbres {S}|Pompes funèbres {dP}", 0,
     "l'accueil des familles et l'organisation des cérémonies"},
    {"L", "90.01Z", "Arts du spectacle vivant",
     "Théâtre {N}|Compagnie {N}|{S} Productions|Scène {R}", 0,
     "la préparation des spectacles et l'accueil du public"},
    {"L14", "93.12Z", "Activités de clubs de sports", "Club sportif {dP}|{R} Sport", 1,
     "l'entraînement et l'organisation des matchs"},
    {"M12|M1608", "69.20Z", "Activités comptables",
     "Cabinet {S} Expertise comptable|{S} et Associés|Comptabilité {R}", 0,
     "la saisie et le classement des pièces comptables"},
    {"M|M16", "82.11Z", "Services administratifs combinés de bureau",
     "{S} Conseil|Bureau Services {R}|{S} Gestion|{R} Secrétariat", 0,
     "l'accueil, le courrier et le classement"},
    {"M13|M14|M15", "70.22Z", "Conseil pour les affaires et autres conseils de gestion",
     "{S} Conseil RH|{R} Management|Cabinet {S}", 1,
     "le suivi des dossiers et la préparation des réunions"},
    {"M18", "62.01Z", "Programmation informatique",
     "{S} Informatique|{R} Numérique|{R} Logiciels|{S} Digital", 1,
     "le test de logiciels et l'aide aux utilisateurs"},
    {"N|N11|N12|N13", "52.10B", "Entreposage et stockage non frigorifique",
     "{S} Logistique|Entrepôts {dP}|{R} Logistique|Plateforme logistique {dP}", 2,
     "la réception, le rangement et la préparation des commandes"},
    {"N1102", "49.42Z", "Services de déménagement", "Déménagements {S}|{S} Déménagement", 0,
     "la préparation et le transport des meubles"},
    {"N41|N42", "49.41A", "Transports routiers de fret interurbains",
     "Transports {S} et Fils|Transports {S}|{R} Fret|Messagerie {dP}", 1,
     "la préparation des tournées et la livraison avec un chauffeur"},
    {"N4102|N4103|N4202|N4204|N43|N4401|N4403", "49.31Z",
     "Transports urbains et suburbains de voyageurs",
     "Autocars {S}|Cars {R}|Transports urbains {dP}|Taxis {S}", 2,
     "l'accompagnement d'un conducteur sur les lignes"},
    {"N4402", "49.39C", "Téléphériques et remontées mécaniques",
     "Remontées mécaniques {dP}|{R} Montagne Services", 2,
     "l'accueil des skieurs et la surveillance des installations"},
    {"N2", "52.23Z", "Services auxiliaires des transports aériens",
     "{R} Aéro Services|Assistance aéroportuaire {S}", 2,
     "l'accueil des passagers et la préparation des vols"},
    {"N3", "50.20Z", "Transports maritimes et côtiers de fret",
     "Compagnie maritime {S}|Remorquage du Golfe|{R} Navigation", 2,
     "la vie à bord et les manœuvres au port"},
    {"N32", "52.24A", "Manutention portuaire", "Manutention portuaire {dP}|{S} Port Services", 2,
     "le chargement et le déchargement des navires"},
};

}  // namespace

std::vector<Sector> make_sectors() {
  std::vector<Sector> out;
  for (const SectorRow& row : kSectors) {
    Sector s;
    s.prefixes = split_bar(row.prefixes);
    s.naf = row.naf;
    s.naf_label = row.naf_label;
    s.name_templates = split_bar(row.names);
    s.size_bias = row.size_bias;
    s.task = row.task;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<int> sector_of_trades(const std::vector<Trade>& trades,
                                  const std::vector<Sector>& sectors) {
  std::vector<int> out(trades.size(), 0);
  for (size_t t = 0; t < trades.size(); ++t) {
    size_t best_len = 0;
    for (size_t s = 0; s < sectors.size(); ++s) {
      for (const std::string& p : sectors[s].prefixes) {
        if (p.size() > best_len && trades[t].code.rfind(p, 0) == 0) {
          best_len = p.size();
          out[t] = static_cast<int>(s);
        }
      }
    }
  }
  return out;
}

}  // namespace eric::demo
